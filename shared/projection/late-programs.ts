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

/** The newest publication of `program` among `published` before `event` in total order. */
function versionBefore(published: readonly Publication[], event: Publication) {
  let newest: Publication | undefined;
  for (const other of published) {
    if (other.data.program !== event.data.program || compareEvents(other, event) >= 0) continue;
    if (!newest || compareEvents(other, newest) > 0) newest = other;
  }
  return newest;
}

/**
 * The late publications whose rules the fold reads otherwise than those of the version
 * before them among the others known (`published`, the late ones among them or not).
 * The events a late version governs now, up to its program's next version, were folded
 * under that version before it came; only for these publications do they fold otherwise.
 */
export function readOtherwise(
  late: readonly Publication[],
  published: readonly LedgerEvent[],
): Publication[] {
  const lateIds = new Set(late.map((event) => event.id));
  const others = published.filter(
    (event): event is Publication => isPublication(event) && !lateIds.has(event.id),
  );
  return late.filter(
    (event) => !foldReadsAlike(event.data.rules, versionBefore(others, event)?.data.rules),
  );
}

/**
 * The members with a stamp or redemption that one of `changing` (readOtherwise's late
 * publications) governs now: of its program, after it and before the program's next
 * version. `after` holds the events from the earliest of them on, in total order, every
 * publication among them.
 */
export function membersUnderLatePrograms(
  after: Iterable<LedgerEvent>,
  changing: readonly Publication[],
): string[] {
  const changingIds = new Set(changing.map((event) => event.id));
  const governed = new Set<string>();
  const members = new Set<string>();
  for (const event of after) {
    if (isPublication(event)) {
      if (changingIds.has(event.id)) governed.add(event.data.program);
      else governed.delete(event.data.program);
    } else if (
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
