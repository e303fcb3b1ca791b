/**
 * The total order of the ledger: by `hlc`, then by `id`. Every projection folds in this
 * order, so it is a pure function of the event set, whatever order events arrived in.
 *
 * An id names one event: storage and the server refuse a second event with a known id and
 * other content (`id_conflict`, docs/architecture.md, Protocol v1), so a ledger never
 * holds two. The same event delivered twice therefore has the same `hlc` and `id` and
 * sorts next to itself, which is how the fold drops duplicates without an index of ids.
 */
import { hlcCounter, hlcWallMs } from '../clock';

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
 * changes the result passes a copy), else a sorted copy.
 */
export function inTotalOrder<T extends Ordered>(events: T[]): T[] {
  const clocks = readClocks(events);
  const positions = totalOrderPositions(events, clocks);
  if (positions === undefined) return events;
  const sorted: T[] = new Array<T>(positions.length);
  for (let i = 0; i < positions.length; i++) sorted[i] = at(events, at(positions, i));
  return sorted;
}

/** The parts of each event's clock the ordering compares as numbers. */
export interface ClockKeys {
  /** `hlcWallMs` of each clock. */
  readonly walls: Float64Array;
  /** `hlcCounter` of each clock. */
  readonly counters: Int32Array;
}

export function readClocks(events: readonly Ordered[]): ClockKeys {
  const walls = new Float64Array(events.length);
  const counters = new Int32Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const { hlc } = at(events, i);
    walls[i] = hlcWallMs(hlc);
    counters[i] = hlcCounter(hlc);
  }
  return { walls, counters };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Where each event goes in total order: `positions[k]` is the index in `events` of the
 * k-th event, or undefined when `events` already is in total order. `clocks` holds the
 * events' clocks read by `readClocks`.
 *
 * Sorting a million events with a comparator is what makes ordering slow (twenty million
 * calls back into JavaScript). So the sort key is the wall-clock part of the clock, less
 * the earliest, and the event's index below it, packed into one unsigned 64-bit number:
 * the engine sorts those natively. Events with equal walls then sit next to each other in
 * index order, and only those short runs are sorted, by the counters and then (when those
 * are equal or missing) by the full clock and id. A clock
 * without a number (never in a parsed event), or walls too far apart to pack, take the
 * comparator.
 */
export function totalOrderPositions(
  events: readonly Ordered[],
  clocks: ClockKeys,
): Uint32Array | undefined {
  const { walls, counters } = clocks;
  const n = events.length;
  let sorted = true;
  let numbered = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const wall = at(walls, i);
    if (Number.isNaN(wall)) numbered = false;
    if (wall < min) min = wall;
    if (wall > max) max = wall;
    if (sorted && i > 0) {
      const previous = at(walls, i - 1);
      // Walls are the clocks' first 15 digits: when they differ they order the clocks.
      if (previous > wall) sorted = false;
      else if (!(previous < wall)) sorted = byCounterThenEvent(events, counters, i - 1, i) <= 0;
    }
  }
  if (sorted) return undefined;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  const lowBits = 32 - indexBits;
  const span = max - min;
  if (!numbered || indexBits > 32 || !(span < 2 ** (64 - indexBits))) {
    const byComparator = Uint32Array.from({ length: n }, (_, i) => i);
    return byComparator.sort((a, b) => compareEvents(at(events, a), at(events, b)));
  }
  const keys = new BigUint64Array(n);
  const words = new Uint32Array(keys.buffer);
  const [lo, hi] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  const lowScale = 2 ** lowBits;
  for (let i = 0; i < n; i++) {
    const relative = at(walls, i) - min;
    const high = Math.floor(relative / lowScale);
    words[2 * i + lo] = ((relative - high * lowScale) * 2 ** indexBits + i) >>> 0;
    words[2 * i + hi] = high;
  }
  keys.sort();
  const positions = new Uint32Array(n);
  const indexMask = indexBits === 32 ? 0xffffffff : 2 ** indexBits - 1;
  for (let k = 0; k < n; k++) positions[k] = (at(words, 2 * k + lo) & indexMask) >>> 0;
  // Equal walls: the clocks and ids decide, within each run.
  let runStart = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && at(walls, at(positions, k)) === at(walls, at(positions, runStart))) continue;
    if (k - runStart > 1) sortRun(events, counters, positions, runStart, k);
    runStart = k;
  }
  return positions;
}

/** The order of events `a` and `b`, whose walls are equal. */
function byCounterThenEvent(
  events: readonly Ordered[],
  counters: Int32Array,
  a: number,
  b: number,
): number {
  const countA = at(counters, a);
  const countB = at(counters, b);
  // Both clocks go on with "-" and 5 digits: the counters decide when they differ.
  if (countA !== countB && countA >= 0 && countB >= 0) return countA - countB;
  return compareEvents(at(events, a), at(events, b));
}

/** Sorts positions[from, to) by the events' total order (the runs are short). */
function sortRun(
  events: readonly Ordered[],
  counters: Int32Array,
  positions: Uint32Array,
  from: number,
  to: number,
) {
  const byEvent = (a: number, b: number) => byCounterThenEvent(events, counters, a, b);
  if (to - from > 16) {
    positions.subarray(from, to).sort(byEvent);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const moving = at(positions, k);
    let j = k - 1;
    while (j >= from && byEvent(at(positions, j), moving) > 0) {
      positions[j + 1] = at(positions, j);
      j -= 1;
    }
    positions[j + 1] = moving;
  }
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
