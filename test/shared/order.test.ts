import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/clock';
import {
  compareEvents,
  inTotalOrder,
  insertInTotalOrder,
  positionInTotalOrder,
  type Ordered,
} from '../../shared/ledger/order';

const RUNS = { numRuns: 1_000, seed: 20261124 } as const;

/** Events with few distinct clocks and ids, so ties on the wall clock and on hlc are common. */
const orderedArbitrary: fc.Arbitrary<Ordered> = fc
  .record({
    wallMs: fc.integer({ min: 1_767_600_000_000, max: 1_767_600_000_005 }),
    counter: fc.integer({ min: 0, max: 2 }),
    node: fc.constantFrom('term_a', 'term_b', 'term_a-2'),
    id: fc.constantFrom('0193-a', '0193-b', '0193-c'),
  })
  .map(({ wallMs, counter, node, id }) => ({ hlc: formatHlc({ wallMs, counter, node }), id }));

const plainSort = (events: readonly Ordered[]) => [...events].sort(compareEvents);

describe('total order', () => {
  it('puts any events in the order a plain sort by hlc, then id, gives', () => {
    fc.assert(
      fc.property(fc.array(orderedArbitrary, { maxLength: 60 }), (events) => {
        expect(inTotalOrder(events)).toEqual(plainSort(events));
      }),
      RUNS,
    );
  });

  it('returns events already in order as they are, without copying', () => {
    const events = plainSort(fc.sample(orderedArbitrary, { numRuns: 20, seed: 7 }));
    expect(inTotalOrder(events)).toBe(events);
  });

  it('sorts clocks that are not 15 digits as strings, like a plain sort', () => {
    const events = [
      { hlc: 'x-00000-term_a', id: 'b' },
      { hlc: '001767600000000-00000-term_a', id: 'a' },
      { hlc: 'a-00000-term_a', id: 'c' },
      { hlc: '00176760000000a-00000-term_a', id: 'd' },
      { hlc: '001767600000009-00000-term_a', id: 'e' },
    ];
    expect(inTotalOrder(events)).toEqual(plainSort(events));
  });

  it('finds where an event is or would go', () => {
    fc.assert(
      fc.property(fc.array(orderedArbitrary, { maxLength: 40 }), orderedArbitrary, (list, e) => {
        const ordered = plainSort(list);
        const at = positionInTotalOrder(ordered, e);
        for (const before of ordered.slice(0, at)) expect(compareEvents(before, e)).toBeLessThan(0);
        for (const after of ordered.slice(at))
          expect(compareEvents(after, e)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('inserts ordered events into an ordered list, keeping it ordered and holding both', () => {
    fc.assert(
      fc.property(
        fc.array(orderedArbitrary, { maxLength: 30 }),
        fc.array(orderedArbitrary, { maxLength: 30 }),
        (a, b) => {
          const ordered = plainSort(a);
          insertInTotalOrder(ordered, plainSort(b));
          expect(ordered).toEqual(plainSort([...a, ...b]));
        },
      ),
      RUNS,
    );
  });
});
