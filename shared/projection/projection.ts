/**
 * The projection: members, cards, balances, redemptions (with overdraft flags) and
 * programs, as a pure function of a set of events.
 *
 * Events fold in total order (hlc, then id). A voided stamp or redemption is treated as
 * if it had never happened, wherever the void stands in the order, so the result does
 * not depend on arrival order. Duplicates change nothing.
 *
 * `foldEvents` is the full fold. `applyEvents` is the incremental form: events that come
 * after everything folded so far are folded in place; an event that lands earlier in the
 * order, or a void of an event already folded, refolds only the member clusters it
 * touches (member-cluster.ts); a program published out of order refolds everything.
 * Both forms always agree (tested by property).
 *
 * A Projection is mutable for speed: `applyEvents` changes the one it is given.
 */
import type { EventOf, LedgerEvent } from '../ledger/envelope';
import {
  compareEvents,
  dropDuplicates,
  insertInTotalOrder,
  inTotalOrder,
  positionInTotalOrder,
} from '../ledger/order';
import { emptyViews, type DerivedViews } from './derived-views';
import { foldOrdered, foldUnlessVoided } from './fold-ordered';
import { buildIndex, cardChangedBy, indexEvent, membersNamedBy } from './ledger-index';
import type { LedgerIndex } from './ledger-index';
import { clusterOf, refoldCluster, touchesCluster } from './member-cluster';
import { createVoidTargets, type VoidTargets } from './void-targets';

export interface Projection {
  /** Every event seen, once, in total order. */
  ordered: LedgerEvent[];
  /** Ids named by an `event.voided`. */
  readonly voidTargets: VoidTargets;
  views: DerivedViews;
  /**
   * Kept by applyEvents alone: built by the first batch that needs a cluster refold, then
   * brought up to date by every batch.
   */
  index: LedgerIndex | undefined;
}

export function createProjection(): Projection {
  return { ordered: [], voidTargets: createVoidTargets(), views: emptyViews(), index: undefined };
}

/** The full fold of an event set, in any order, with duplicates. */
export function foldEvents(events: Iterable<LedgerEvent>): Projection {
  const p = createProjection();
  p.ordered = inTotalOrder(Array.from(events));
  dropDuplicates(p.ordered);
  for (const event of p.ordered) {
    if (event.type === 'event.voided') p.voidTargets.add(event.data.target);
  }
  p.views = foldOrdered(p.ordered, p.voidTargets);
  return p;
}

/** The events of a batch that `p` has not seen, in total order. */
function unseen(p: Projection, events: Iterable<LedgerEvent>): LedgerEvent[] {
  const batch = inTotalOrder(Array.from(events));
  dropDuplicates(batch);
  const last = p.ordered[p.ordered.length - 1];
  if (last === undefined) return batch;
  return batch.filter((event) => {
    if (compareEvents(event, last) > 0) return true;
    const seen = p.ordered[positionInTotalOrder(p.ordered, event)];
    return seen === undefined || compareEvents(seen, event) !== 0;
  });
}

/** Whether a void names an event outside its batch: one folded before, or not yet seen. */
function voidsReachBack(voids: readonly EventOf<'event.voided'>[], batch: readonly LedgerEvent[]) {
  if (voids.length === 0) return false;
  const ids = new Set(batch.map((event) => event.id));
  return voids.some((event) => !ids.has(event.data.target));
}

/** Folds a batch of events into `p` (changing it) and returns it. */
export function applyEvents(p: Projection, events: Iterable<LedgerEvent>): Projection {
  const fresh = unseen(p, events);
  if (fresh.length === 0) return p;
  const last = p.ordered[p.ordered.length - 1];
  const late = last === undefined ? [] : fresh.filter((e) => compareEvents(e, last) < 0);
  const newVoids = fresh.filter(
    (e): e is EventOf<'event.voided'> =>
      e.type === 'event.voided' && !p.voidTargets.has(e.data.target),
  );
  p.index ??=
    late.length > 0 || voidsReachBack(newVoids, fresh) ? buildIndex(p.ordered) : undefined;
  const { index } = p;
  // Stamps and redemptions folded before this batch that it voids: their clusters refold.
  const undone: LedgerEvent[] = [];
  for (const { data } of newVoids) {
    p.voidTargets.add(data.target);
    const target = index?.voidableById.get(data.target); // this batch is not indexed yet
    if (target) undone.push(target);
  }
  if (index) for (const event of fresh) indexEvent(index, event);
  insertInTotalOrder(p.ordered, fresh);

  if (late.some((event) => event.type === 'program.published')) {
    p.views = foldOrdered(p.ordered, p.voidTargets);
    return p;
  }
  // `fresh` is in total order, so the late events are its first ones.
  const onTime = fresh.slice(late.length);
  const changed = [...late, ...undone];
  if (index === undefined || changed.length === 0) {
    for (const event of onTime) foldUnlessVoided(p.views, p.voidTargets, event);
    return p;
  }
  const cluster = clusterOf(index, {
    members: changed.flatMap(membersNamedBy),
    cards: changed.flatMap((event) => cardChangedBy(event) ?? []),
  });
  refoldCluster(p.views, index, p.voidTargets, cluster);
  for (const event of onTime) {
    if (!touchesCluster(cluster, event)) foldUnlessVoided(p.views, p.voidTargets, event);
  }
  return p;
}

/** Folds one more event into `p` (changing it) and returns it. */
export function applyEvent(p: Projection, event: LedgerEvent): Projection {
  return applyEvents(p, [event]);
}
