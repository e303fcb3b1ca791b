/**
 * The packed-key sort of `inTotalOrder` (ledger/order.ts) against a plain sort, on the
 * cases its fast path treats apart: long runs of equal walls, counters it cannot read,
 * walls too far apart to pack, and arrays large enough for many index bits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/clock';
import { compareEvents, inTotalOrder, type Ordered } from '../../shared/ledger/order';

const RUNS = { numRuns: 300, seed: 20261124 } as const;
const plainSort = (events: readonly Ordered[]) => [...events].sort(compareEvents);

const clock = (wallMs: number, counter: number, node: string) =>
  formatHlc({ wallMs, counter, node });

describe('total order by packed keys', () => {
  it('sorts long runs of one wall by counter, clock and id', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            wallMs: fc.integer({ min: 1_767_600_000_000, max: 1_767_600_000_001 }),
            counter: fc.integer({ min: 0, max: 99_999 }),
            node: fc.constantFrom('term_a', 'term_b', 'term_a-2'),
            id: fc.constantFrom('0193-a', '0193-b', '0193-c'),
          }),
          { minLength: 20, maxLength: 200 },
        ),
        (parts) => {
          const events = parts.map((p) => ({ hlc: clock(p.wallMs, p.counter, p.node), id: p.id }));
          expect(inTotalOrder(events)).toEqual(plainSort(events));
        },
      ),
      RUNS,
    );
  });

  it('falls back to the clock strings where a counter is not "-" and 5 digits', () => {
    const events = [
      { hlc: '001767600000000-00002-term_a', id: 'a' },
      { hlc: '001767600000000x00001-term_a', id: 'b' },
      { hlc: '001767600000000-0001-term_a', id: 'c' },
      { hlc: '001767600000000-00001-term_a', id: 'd' },
      { hlc: '001767600000000', id: 'e' },
      { hlc: '001767600000000-00000-term_b', id: 'f' },
      { hlc: '001767599999999-00009-term_b', id: 'g' },
    ];
    expect(inTotalOrder(events)).toEqual(plainSort(events));
  });

  it('sorts walls too far apart to pack (the comparator path) like a plain sort', () => {
    // 2^14 events leave 50 bits for the wall, less than the 10^15 between these walls.
    const walls = [999_999_999_999_999, 0, 500_000_000_000_000, 1];
    const events = Array.from({ length: 1 << 14 }, (_, i) => ({
      hlc: clock(walls[i % 4] ?? 0, (i * 7) % 3, 'term_a'),
      id: `e${(i * 13) % 5}`,
    }));
    const keys = (list: readonly Ordered[]) => list.map((e) => `${e.hlc} ${e.id}`);
    expect(keys(inTotalOrder(events))).toEqual(keys(plainSort(events)));
  });

  it('sorts a large shuffled ledger of close clocks like a plain sort, keeping the same objects', () => {
    let seed = 42;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 4_294_967_296;
    };
    const events: Ordered[] = [];
    for (let i = 0; i < 70_000; i++) {
      const wallMs = 1_767_600_000_000 + Math.floor(next() * 5_000);
      const counter = Math.floor(next() * 3);
      events.push({
        hlc: clock(wallMs, counter, next() < 0.5 ? 'term_a' : 'term_b'),
        id: `e${i % 9}`,
      });
    }
    const sorted = inTotalOrder(events);
    const expected = plainSort(events);
    const keys = (list: readonly Ordered[]) => list.map((e) => `${e.hlc} ${e.id}`);
    expect(keys(sorted)).toEqual(keys(expected));
    expect(new Set(sorted)).toEqual(new Set(events));
  });
});
