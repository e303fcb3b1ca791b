/**
 * The total order of the ledger: by `hlc`, then by `id`. Every projection folds in this
 * order, so it is a pure function of the event set, whatever order events arrived in.
 *
 * An id names one event: storage and the server refuse a second event with a known id
 * and other content (`id_conflict`, DESIGN.md, Sync protocol v1), so a ledger never holds
 * two. The same event delivered twice therefore has the same `hlc` and `id` and sorts
 * next to itself, which is how the fold drops duplicates without an index of ids.
 */
import { hlcWallMs } from '../clock';

export interface Ordered {
  readonly hlc: string;
  readonly id: string;
}

export function compareEvents(a: Ordered, b: Ordered): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function isInTotalOrder(events: readonly Ordered[]): boolean {
  for (let i = 1; i < events.length; i++) {
    const previous = events[i - 1];
    const current = events[i];
    if (previous && current && compareEvents(previous, current) > 0) return false;
  }
  return true;
}

/** The element at `i`, which the caller knows is there: a miss is a bug, not a value. */
function at<T>(list: ArrayLike<T>, i: number): T {
  const item = list[i];
  if (item === undefined) throw new RangeError(`No element ${i} in a list of ${list.length}.`);
  return item;
}

/**
 * The events in total order: the array itself when it already is (so a caller that
 * changes the result passes a copy), else a sorted copy. The sort compares the
 * wall-clock part of the clocks as numbers first, read once per event into a typed
 * array: comparing strings of objects scattered over the heap is what makes a plain
 * sort of a million events slow.
 */
export function inTotalOrder<T extends Ordered>(events: T[]): T[] {
  if (isInTotalOrder(events)) return events;
  const walls = new Float64Array(events.length);
  events.forEach((event, i) => (walls[i] = hlcWallMs(event.hlc)));
  // A clock that is not 15 digits (never in a parsed event) has no number: plain sort.
  if (walls.some(Number.isNaN)) return [...events].sort(compareEvents);
  const byPosition = (a: number, b: number): number => {
    const wallOrder = (walls[a] ?? Number.NaN) - (walls[b] ?? Number.NaN);
    // Equal walls (0), or no wall at all (NaN): the clocks and ids decide.
    return wallOrder || compareEvents(at(events, a), at(events, b));
  };
  const sorted: T[] = [];
  for (const i of Uint32Array.from(events.keys()).sort(byPosition)) sorted.push(at(events, i));
  return sorted;
}

/** Drops, in place, the events of an array in total order that repeat the one before. */
export function dropDuplicates(ordered: Ordered[]): void {
  let kept = 0;
  let previous: Ordered | undefined;
  for (const event of ordered) {
    if (previous?.hlc === event.hlc && previous.id === event.id) continue;
    ordered[kept] = event;
    kept += 1;
    previous = event;
  }
  ordered.length = kept;
}

/**
 * Where `event` is, or would go, in `ordered` (which is in total order): the index of
 * the first element not before it.
 */
export function positionInTotalOrder(ordered: readonly Ordered[], event: Ordered): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareEvents(at(ordered, mid), event) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Inserts events (in total order) into an array in total order, in place, duplicates
 * kept. Events that come after the last are appended. Otherwise each event's place is
 * found by binary search, then the blocks between those places move up once, from the
 * end: events that arrive a little late move a short tail, and none is compared more
 * than log n times, however long the array.
 */
export function insertInTotalOrder<T extends Ordered>(ordered: T[], events: readonly T[]): void {
  const last = ordered[ordered.length - 1];
  const first = events[0];
  if (first === undefined) return;
  if (last === undefined || compareEvents(last, first) <= 0) {
    for (const event of events) ordered.push(event);
    return;
  }
  const places = events.map((event) => positionInTotalOrder(ordered, event));
  let end = ordered.length;
  for (const event of events) ordered.push(event); // room for them; every slot is rewritten
  for (let j = events.length - 1; j >= 0; j--) {
    const place = at(places, j);
    for (let i = end - 1; i >= place; i--) ordered[i + j + 1] = at(ordered, i);
    ordered[place + j] = at(events, j);
    end = place;
  }
}
