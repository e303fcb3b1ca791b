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
 * touches (member-cluster.ts); a program published out of order refolds the clusters of
 * the members whose stamps and redemptions it governs (late-programs.ts). Both forms
 * always agree (tested by property).
 *
 * A Projection is mutable for speed: `applyEvents` changes the one it is given.
 */
import type { EventOf, LedgerEvent } from '../ledger/envelope';
import { hlcCounter, hlcWallMs } from '../clock';
import {
  compareEvents,
  dropDuplicates,
  insertInTotalOrder,
  inTotalOrder,
  positionInTotalOrder,
  totalOrderPositions,
} from '../ledger/order';
import { emptyViews, type DerivedViews } from './derived-views';
import { foldUnlessVoided } from './fold-ordered';
import { foldKnown, KIND, kindOf, programViewOf, type Kind } from './fold-step';
import { buildIndex, cardChangedBy, indexEvent, membersNamedBy } from './ledger-index';
import type { LedgerIndex } from './ledger-index';
import {
  earliest,
  eventsFrom,
  isPublication,
  membersUnderLatePrograms,
  newestVersionsUpTo,
  readOtherwise,
} from './late-programs';
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

/**
 * The full fold of an event set, in any order, with duplicates.
 *
 * A million events are a heap of scattered objects, and reaching into them is most of
 * the cost. So everything the fold needs of an event apart from its data is read in one
 * pass in the order the events lie in memory (as they arrived): the clock's wall and
 * counter, the type as a number, and whether a void names it. The ordering, the dropping
 * of duplicates and the skipping of voided events then work on those arrays, and the
 * fold proper touches each event's data once.
 */
export function foldEvents(events: Iterable<LedgerEvent>): Projection {
  const p = createProjection();
  const input = Array.from(events);
  const n = input.length;
  const walls = new Float64Array(n);
  const counters = new Int32Array(n);
  const kinds = new Uint8Array(n);
  let voidables = 0;
  for (let i = 0; i < n; i++) {
    const event = input[i] as LedgerEvent;
    const { hlc } = event;
    walls[i] = hlcWallMs(hlc);
    counters[i] = hlcCounter(hlc);
    const kind = kindOf(event.type);
    kinds[i] = kind;
    if (kind === KIND.voided) p.voidTargets.add((event as EventOf<'event.voided'>).data.target);
    else if (kind === KIND.stamps || kind === KIND.redeemed) voidables += 1;
  }
  const voided = new Uint8Array(p.voidTargets.size > 0 && voidables > 0 ? n : 0);
  if (voided.length > 0) {
    for (let i = 0; i < n; i++) {
      const kind = kinds[i];
      if (kind !== KIND.stamps && kind !== KIND.redeemed) continue;
      if (p.voidTargets.has((input[i] as LedgerEvent).id)) voided[i] = 1;
    }
  }
  const positions = totalOrderPositions(input, { walls, counters });
  const ordered: LedgerEvent[] = [];
  const views = emptyViews();
  let previous: LedgerEvent | undefined;
  let previousWall = Number.NaN;
  for (let k = 0; k < n; k++) {
    const i = positions === undefined ? k : (positions[k] as number);
    const event = input[i] as LedgerEvent;
    const wall = walls[i] as number;
    // Duplicates sit next to each other; two walls that differ rule one out.
    const maybeRepeat = wall === previousWall || Number.isNaN(wall) || Number.isNaN(previousWall);
    if (maybeRepeat && previous?.hlc === event.hlc && previous.id === event.id) continue;
    ordered.push(event);
    previous = event;
    previousWall = wall;
    if (voided[i] === 1) continue;
    foldKnown(views, event, kinds[i] as Kind, wall);
  }
  p.ordered = ordered;
  p.views = views;
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

  // `fresh` is in total order, so the late events are its first ones.
  const onTime = fresh.slice(late.length);
  const changed = [...late, ...undone];
  if (index === undefined || last === undefined || changed.length === 0) {
    for (const event of onTime) foldUnlessVoided(p.views, p.voidTargets, event);
    return p;
  }
  const latePrograms = late.filter(isPublication);
  const changing = readOtherwise(latePrograms, index.programs);
  const first = earliest(changing);
  const governed = first ? membersUnderLatePrograms(eventsFrom(p.ordered, first), changing) : [];
  const cluster = clusterOf(index, {
    members: [...changed.flatMap(membersNamedBy), ...governed],
    cards: changed.flatMap((event) => cardChangedBy(event) ?? []),
  });
  refoldCluster(p.views, index, p.voidTargets, cluster);
  for (const version of newestVersionsUpTo(latePrograms, index.programs, last)) {
    p.views.programs.set(version.data.program, programViewOf(version));
  }
  for (const event of onTime) {
    if (!touchesCluster(cluster, event)) foldUnlessVoided(p.views, p.voidTargets, event);
  }
  return p;
}

/** Folds one more event into `p` (changing it) and returns it. */
export function applyEvent(p: Projection, event: LedgerEvent): Projection {
  return applyEvents(p, [event]);
}
