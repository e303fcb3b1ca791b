/**
 * The projection: members, cards, balances, redemptions (with overdraft flags) and
 * programs, as a pure function of a set of events.
 *
 * Events fold in total order (hlc, then id). A voided stamp or redemption is treated as
 * if it had never happened, wherever the void stands in the order, so the result does
 * not depend on arrival order. `applyEvent` is the incremental form: an event that
 * arrives in order is folded in place; one that lands earlier in the order, or a void of
 * an event already folded, refolds from the start. Both forms always agree (tested by
 * property). Duplicates change nothing.
 *
 * A Projection is mutable for speed: `applyEvent` changes the one it is given.
 */
import type { LedgerEvent } from '../ledger/envelope';
import { compareEvents, isInTotalOrder } from '../ledger/order';
import { emptyViews, type DerivedViews } from './derived-views';
import { foldEvent } from './fold-step';

export interface Projection {
  /** Every event seen, by id: the same id twice changes nothing. */
  readonly byId: Map<string, LedgerEvent>;
  /** Every event seen, in total order. */
  ordered: LedgerEvent[];
  /** Ids named by an `event.voided`. */
  readonly voidTargets: Set<string>;
  views: DerivedViews;
}

const isVoidable = (event: LedgerEvent): boolean =>
  event.type === 'stamps.earned' || event.type === 'reward.redeemed';

export function createProjection(): Projection {
  return { byId: new Map(), ordered: [], voidTargets: new Set(), views: emptyViews() };
}

function foldUnlessVoided(p: Projection, event: LedgerEvent): void {
  if (isVoidable(event) && p.voidTargets.has(event.id)) return;
  foldEvent(p.views, event);
}

function refold(p: Projection): void {
  p.views = emptyViews();
  for (const event of p.ordered) foldUnlessVoided(p, event);
}

/** Records a void's target; true when the target was already folded and must be undone. */
function noteVoid(p: Projection, event: LedgerEvent, fresh: ReadonlySet<string>): boolean {
  if (event.type !== 'event.voided' || p.voidTargets.has(event.data.target)) return false;
  p.voidTargets.add(event.data.target);
  const target = p.byId.get(event.data.target);
  return target !== undefined && isVoidable(target) && !fresh.has(target.id);
}

/** The full fold of an event set, in any order, with duplicates. */
export function foldEvents(events: Iterable<LedgerEvent>): Projection {
  const p = createProjection();
  for (const event of events) {
    if (p.byId.has(event.id)) continue;
    p.byId.set(event.id, event);
    p.ordered.push(event);
    if (event.type === 'event.voided') p.voidTargets.add(event.data.target);
  }
  if (!isInTotalOrder(p.ordered)) p.ordered.sort(compareEvents);
  for (const event of p.ordered) foldUnlessVoided(p, event);
  return p;
}

function insertionIndex(ordered: readonly LedgerEvent[], event: LedgerEvent): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const probe = ordered[mid];
    if (probe && compareEvents(probe, event) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Folds one more event into `p` (changing it) and returns it. */
export function applyEvent(p: Projection, event: LedgerEvent): Projection {
  return applyEvents(p, [event]);
}

/** Folds a batch of events into `p` (changing it): at most one refold for the batch. */
export function applyEvents(p: Projection, events: Iterable<LedgerEvent>): Projection {
  const fresh: LedgerEvent[] = [];
  for (const event of events) {
    if (p.byId.has(event.id)) continue;
    p.byId.set(event.id, event);
    fresh.push(event);
  }
  if (fresh.length === 0) return p;
  fresh.sort(compareEvents);
  const last = p.ordered[p.ordered.length - 1];
  const first = fresh[0];
  let needsRefold = last !== undefined && first !== undefined && compareEvents(first, last) < 0;
  const freshIds = new Set(fresh.map((event) => event.id));
  for (const event of fresh) {
    if (noteVoid(p, event, freshIds)) needsRefold = true;
  }
  if (needsRefold) {
    for (const event of fresh) p.ordered.splice(insertionIndex(p.ordered, event), 0, event);
    refold(p);
    return p;
  }
  for (const event of fresh) {
    p.ordered.push(event);
    foldUnlessVoided(p, event);
  }
  return p;
}
