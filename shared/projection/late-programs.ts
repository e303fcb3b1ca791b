/**
 * What a program published out of order changes, so that it need not refold the ledger.
 *
 * The fold reads a program's rules only for that program's stamps and redemptions (their
 * expiry and their local day), each with the version newest before it in total order. A
 * publication that arrives late therefore changes two things: the program's view, which
 * is its newest version, and the views of the members with a stamp or redemption of that
 * program after the publication. Refolding those members' clusters (member-cluster.ts)
 * and setting the program's view gives what the full fold gives; everything else folded
 * under the versions it folded under before.
 */
import type { EventOf, LedgerEvent } from '../ledger/envelope';
import { compareEvents, positionInTotalOrder, type Ordered } from '../ledger/order';

export type Publication = EventOf<'program.published'>;

export const isPublication = (event: LedgerEvent): event is Publication =>
  event.type === 'program.published';

/**
 * The members with a stamp or redemption that a late publication's program governs: of
 * that program and after the publication in total order. `after` holds the events from
 * the earliest publication on, in total order; the publications themselves among them.
 */
export function membersUnderLatePrograms(
  after: Iterable<LedgerEvent>,
  publications: readonly Publication[],
): string[] {
  const programOf = new Map(publications.map((event) => [event.id, event.data.program]));
  const governed = new Set<string>();
  const members = new Set<string>();
  for (const event of after) {
    const program = programOf.get(event.id);
    if (program !== undefined) governed.add(program);
    else if (
      (event.type === 'stamps.earned' || event.type === 'reward.redeemed') &&
      governed.has(event.data.program)
    )
      members.add(event.data.member);
  }
  return [...members];
}

/** The earliest of the publications in total order. */
export function earliest(publications: readonly Publication[]): Publication | undefined {
  let first: Publication | undefined;
  for (const event of publications) if (!first || compareEvents(event, first) < 0) first = event;
  return first;
}

/** The events of `ordered` (in total order) from `from` on. */
export function* eventsFrom(
  ordered: readonly LedgerEvent[],
  from: Ordered,
): Generator<LedgerEvent> {
  for (let i = positionInTotalOrder(ordered, from); i < ordered.length; i++) {
    yield ordered[i] as LedgerEvent;
  }
}

/**
 * For each program of the late publications, its newest publication among `published`
 * that is not after `upTo`: the program's view once everything up to `upTo` is folded.
 */
export function newestVersionsUpTo(
  late: readonly Publication[],
  published: readonly LedgerEvent[],
  upTo: Ordered,
): Publication[] {
  const programs = new Set(late.map((event) => event.data.program));
  const newest = new Map<string, Publication>();
  for (const event of published) {
    if (!isPublication(event) || !programs.has(event.data.program)) continue;
    if (compareEvents(event, upTo) > 0) continue;
    const kept = newest.get(event.data.program);
    if (!kept || compareEvents(event, kept) > 0) newest.set(event.data.program, event);
  }
  return [...newest.values()];
}
