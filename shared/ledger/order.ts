/**
 * The total order of the ledger: by `hlc`, then by `id`. Every projection folds in this
 * order, so it is a pure function of the event set, whatever order events arrived in.
 *
 * Two events with the same `hlc` and `id` are the same event delivered twice: they sort
 * next to each other, which is how the fold drops duplicates without an index of ids.
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

/**
 * The events in total order: the array itself when it already is, else a sorted copy.
 * The sort compares the wall-clock part of the clocks as numbers first, read once per
 * event into a typed array: comparing strings of objects scattered over the heap is what
 * makes a plain sort of a million events slow.
 */
export function inTotalOrder<T extends Ordered>(events: T[]): T[] {
  if (isInTotalOrder(events)) return events;
  const walls = new Float64Array(events.length);
  events.forEach((event, i) => (walls[i] = hlcWallMs(event.hlc)));
  // A clock that is not 15 digits (never in a parsed event) has no number: plain sort.
  if (walls.some(Number.isNaN)) return [...events].sort(compareEvents);
  const byPosition = (a: number, b: number): number => {
    const wallOrder = (walls[a] ?? 0) - (walls[b] ?? 0);
    if (wallOrder !== 0) return wallOrder;
    const x = events[a];
    const y = events[b];
    return x && y ? compareEvents(x, y) : 0;
  };
  const positions = Uint32Array.from(events.keys()).sort(byPosition);
  const sorted: T[] = [];
  for (const i of positions) {
    const event = events[i];
    if (event) sorted.push(event);
  }
  return sorted;
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
    const probe = ordered[mid];
    if (probe && compareEvents(probe, event) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Inserts events (in total order) into an array in total order, in place, duplicates
 * kept. Each event's place is found by binary search, then the blocks between those
 * places move up once, from the end: events that arrive a little late move a short
 * tail, and none is compared more than log n times, however long the array.
 */
export function insertInTotalOrder<T extends Ordered>(ordered: T[], events: readonly T[]): void {
  const places = events.map((event) => positionInTotalOrder(ordered, event));
  let end = ordered.length;
  for (const event of events) ordered.push(event); // room for them; every slot is rewritten
  for (let j = events.length - 1; j >= 0; j--) {
    const event = events[j];
    const place = places[j] ?? end;
    if (event === undefined) continue;
    for (let i = end - 1; i >= place; i--) {
      const moved = ordered[i];
      if (moved !== undefined) ordered[i + j + 1] = moved;
    }
    ordered[place + j] = event;
    end = place;
  }
}
