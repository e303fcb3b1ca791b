/**
 * What a program published out of order changes, so that it need not refold the ledger.
 *
 * The fold reads a program's rules only for that program's stamps and redemptions (their
 * expiry and their local day), each with the version newest before it in total order. A
 * publication that arrives late therefore changes two things: the program's view, which
 * is its newest version, and the views of the members with a stamp or redemption that it
 * now governs, if the fold reads its rules otherwise than those of the version that
 * governed that event before (foldReadsAlike). Refolding those members' clusters
 * (member-cluster.ts) and setting the program's view gives what the full fold gives;
 * everything else folded under versions it reads alike. A manager's change of rewards,
 * earning or campaigns that reaches a terminal late refolds nobody.
 */
import type { EventOf, LedgerEvent } from '../ledger/envelope';
import { compareEvents, positionInTotalOrder, type Ordered } from '../ledger/order';
import { foldReadsAlike } from './fold-step';

export type Publication = EventOf<'program.published'>;

export const isPublication = (event: LedgerEvent): event is Publication =>
  event.type === 'program.published';

/** Each program's rules as the fold reads them before `from`: its newest version before it. */
function rulesBefore(published: readonly LedgerEvent[], from: Ordered) {
  const newest = new Map<string, Publication>();
  for (const event of published) {
    if (!isPublication(event) || compareEvents(event, from) >= 0) continue;
    const kept = newest.get(event.data.program);
    if (!kept || compareEvents(event, kept) > 0) newest.set(event.data.program, event);
  }
  return new Map([...newest].map(([program, event]) => [program, event.data.rules]));
}

/**
 * The members with a stamp or redemption that the late publications change how the fold
 * reads: of a program whose version governing it is now one of them, read otherwise than
 * the version that governed it before they came. `after` holds the events from the
 * earliest late publication on, in total order, the late ones among them; `published`
 * every publication known, the late ones too, in any order.
 */
export function membersUnderLatePrograms(
  after: Iterable<LedgerEvent>,
  late: readonly Publication[],
  published: readonly LedgerEvent[],
): string[] {
  const first = earliest(late);
  if (!first) return [];
  const lateIds = new Set(late.map((event) => event.id));
  // The rules each program's events were folded under, and the rules that govern them now.
  const before = rulesBefore(published, first);
  const now = new Map(before);
  const readOtherwise = new Set<string>();
  const members = new Set<string>();
  for (const event of after) {
    if (isPublication(event)) {
      const { program, rules } = event.data;
      now.set(program, rules);
      if (!lateIds.has(event.id)) before.set(program, rules);
      if (foldReadsAlike(before.get(program), now.get(program))) readOtherwise.delete(program);
      else readOtherwise.add(program);
    } else if (
      (event.type === 'stamps.earned' || event.type === 'reward.redeemed') &&
      readOtherwise.has(event.data.program)
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
