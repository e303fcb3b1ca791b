import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatHlc,
  HLC_PATTERN,
  hlcWallMs,
  initialClock,
  MAX_COUNTER,
  MAX_DRIFT_MS,
  parseHlc,
  tickReceive,
  tickSend,
  type HlcState,
  type HlcTimestamp,
} from '../../shared/clock';
import { idPattern } from '../../shared/ids';

const NODE = 'term_4f2a';
const T0 = 1_732_280_000_000;

const at = (wallMs: number, counter = 0, node = NODE): HlcState =>
  Object.freeze({ wallMs, counter, node });

/** Numeric order of timestamps of one node: wall first, then counter. */
const compareNumeric = (a: HlcTimestamp, b: HlcTimestamp): number =>
  a.wallMs !== b.wallMs ? Math.sign(a.wallMs - b.wallMs) : Math.sign(a.counter - b.counter);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function receiveOk(state: HlcState, remote: HlcTimestamp, nowMs: number): HlcState {
  const result = tickReceive(state, remote, nowMs);
  if (!result.ok) throw new Error(`unexpected refusal: ${result.error.message}`);
  return result.value;
}

const timestampArb = fc.record({
  wallMs: fc.integer({ min: 0, max: 999_999_999_999_999 }),
  counter: fc.integer({ min: 0, max: MAX_COUNTER }),
  node: fc.constant(NODE),
});

describe('format and parse', () => {
  it('formats as 15-digit wall ms, 5-digit counter and the node', () => {
    expect(formatHlc(at(T0))).toBe('001732280000000-00000-term_4f2a');
    expect(formatHlc(at(0, 7))).toBe('000000000000000-00007-term_4f2a');
    expect(formatHlc(at(999_999_999_999_999, MAX_COUNTER))).toBe('999999999999999-99999-term_4f2a');
  });

  it('parse(format(ts)) gives back ts (property, seed 42)', () => {
    fc.assert(
      fc.property(timestampArb, (ts) => {
        expect(parseHlc(formatHlc(ts))).toEqual({ ok: true, value: ts });
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('sorting the strings gives the numeric order (property, seed 42)', () => {
    fc.assert(
      fc.property(timestampArb, timestampArb, (a, b) => {
        expect(compareText(formatHlc(a), formatHlc(b))).toBe(compareNumeric(a, b));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('sorting the strings gives the numeric order where digit counts differ', () => {
    const pairs: [HlcTimestamp, HlcTimestamp][] = [
      [at(9), at(10)],
      [at(T0, 9), at(T0, 10)],
      [at(T0, MAX_COUNTER), at(T0 + 1, 0)],
      [at(99_999_999_999_999), at(100_000_000_000_000)],
    ];
    for (const [earlier, later] of pairs) {
      expect(formatHlc(earlier) < formatHlc(later)).toBe(true);
    }
  });

  it.each([
    ['01732280000000-00000-term_4f2a', '14 wall digits'],
    ['001732280000000-0000-term_4f2a', '4 counter digits'],
    ['001732280000000-000000-term_4f2a', '6 counter digits'],
    ['001732280000000-00000-', 'no node'],
    ['001732280000000-00000-TERM_4F2A', 'an upper-case node'],
    ['001732280000000_00000_term_4f2a', 'wrong separators'],
    ['001732280000000-00000-term_4f2a\n', 'a trailing newline'],
    [' 001732280000000-00000-term_4f2a', 'a leading space'],
    ['-01732280000000-00000-term_4f2a', 'a sign'],
    ['', 'the empty string'],
  ])('refuses %j (%s) with malformed_hlc', (text) => {
    const result = parseHlc(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('malformed_hlc');
      expect(result.error.message).toContain('15 digits');
    }
  });

  it('accepts every valid terminal id as the node, up to the longest (69 characters)', () => {
    const longest = `term_${'a'.repeat(64)}`;
    expect(idPattern('terminal').test(longest)).toBe(true);
    expect(HLC_PATTERN.test(formatHlc(at(T0, 0, longest)))).toBe(true);
    expect(parseHlc(formatHlc(at(T0, 0, longest)))).toEqual({
      ok: true,
      value: at(T0, 0, longest),
    });
  });

  it('hlcWallMs reads the wall milliseconds', () => {
    expect(hlcWallMs('001732280000000-00042-term_4f2a')).toBe(T0);
    expect(hlcWallMs('999999999999999-00000-term_4f2a')).toBe(999_999_999_999_999);
  });

  it('hlcWallMs is NaN for a clock that does not start with 15 digits', () => {
    for (const bad of ['', '0017322800000', '00173228000000x-00042-term_4f2a', '-01732280000000'])
      expect(hlcWallMs(bad)).toBeNaN();
  });

  it('initialClock starts at wall 0, counter 0, on the given node', () => {
    expect(initialClock(NODE)).toEqual({ wallMs: 0, counter: 0, node: NODE });
  });
});

describe('tickSend', () => {
  it('takes the wall clock with counter 0 when the wall clock is ahead', () => {
    expect(tickSend(at(T0, 5), T0 + 1)).toEqual(at(T0 + 1, 0));
  });

  it('keeps the wall part and counts up when the wall clock has not moved', () => {
    expect(tickSend(at(T0, 5), T0)).toEqual(at(T0, 6));
  });

  it('keeps going forward when the wall clock goes backwards', () => {
    let state: HlcState = tickSend(initialClock(NODE), T0);
    const stamps = [formatHlc(state)];
    for (const now of [T0 - 1, T0 - 60_000, T0 - 3_600_000, T0 - 1]) {
      state = tickSend(state, now);
      stamps.push(formatHlc(state));
    }
    expect(state).toEqual(at(T0, 4));
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('drops fractions of a millisecond of the wall clock', () => {
    expect(tickSend(initialClock(NODE), T0 + 0.9)).toEqual(at(T0, 0));
  });

  it('does not modify the state it is given', () => {
    const state = at(T0, 3);
    tickSend(state, T0 + 10);
    expect(state).toEqual(at(T0, 3));
  });
});

describe('tickReceive merge rules (Kulkarni et al.)', () => {
  it('the wall clock ahead of both: takes the wall clock, counter 0', () => {
    expect(receiveOk(at(T0, 4), at(T0 - 5, 9, 'term_b'), T0 + 10)).toEqual(at(T0 + 10, 0));
  });

  it('the local clock ahead of both: keeps it and counts up from the local counter', () => {
    expect(receiveOk(at(T0, 4), at(T0 - 5, 9, 'term_b'), T0 - 100)).toEqual(at(T0, 5));
  });

  it('the remote clock ahead of both: takes it and counts up from the remote counter', () => {
    expect(receiveOk(at(T0, 4), at(T0 + 50, 9, 'term_b'), T0)).toEqual(at(T0 + 50, 10));
  });

  it('local and remote equal and ahead of the wall clock: counts up from the larger counter', () => {
    expect(receiveOk(at(T0, 4), at(T0, 9, 'term_b'), T0 - 1)).toEqual(at(T0, 10));
    expect(receiveOk(at(T0, 12), at(T0, 9, 'term_b'), T0 - 1)).toEqual(at(T0, 13));
  });

  it('all three equal: counts up from the larger counter', () => {
    expect(receiveOk(at(T0, 4), at(T0, 9, 'term_b'), T0)).toEqual(at(T0, 10));
  });

  it('local and wall clock equal, remote behind: counts up from the local counter', () => {
    expect(receiveOk(at(T0, 4), at(T0 - 1, 99, 'term_b'), T0)).toEqual(at(T0, 5));
  });

  it('remote and wall clock equal, local behind: counts up from the remote counter', () => {
    expect(receiveOk(at(T0 - 1, 4), at(T0, 7, 'term_b'), T0)).toEqual(at(T0, 8));
  });

  it('keeps its own node, not the remote one', () => {
    expect(receiveOk(at(T0, 0), at(T0 + 1, 0, 'term_b'), T0).node).toBe(NODE);
  });

  it('the result is after both the local and the remote timestamp', () => {
    const local = at(T0, 4);
    const remote = at(T0 + 50, 9, 'term_b');
    const merged = receiveOk(local, remote, T0);
    expect(compareNumeric(merged, local)).toBe(1);
    expect(compareNumeric(merged, remote)).toBe(1);
  });
});

describe('drift guard', () => {
  it('MAX_DRIFT_MS is 5 minutes', () => {
    expect(MAX_DRIFT_MS).toBe(300_000);
  });

  it('accepts a remote clock exactly 5 minutes ahead', () => {
    expect(receiveOk(at(T0, 0), at(T0 + MAX_DRIFT_MS, 3, 'term_b'), T0)).toEqual(
      at(T0 + MAX_DRIFT_MS, 4),
    );
  });

  it('refuses a remote clock 5 minutes and 1 ms ahead with clock_drift', () => {
    const result = tickReceive(at(T0, 0), at(T0 + MAX_DRIFT_MS + 1, 3, 'term_b'), T0);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('clock_drift');
      if (result.error.code === 'clock_drift') expect(result.error.aheadMs).toBe(300_001);
      expect(result.error.message).toContain('term_b');
      expect(result.error.message).toContain('5 minutes');
    }
  });

  it('measures drift against the wall clock, not against the local HLC', () => {
    // The local HLC is already 10 minutes ahead (e.g. after an earlier accepted event),
    // but a remote 6 minutes ahead of the wall clock is still refused.
    const result = tickReceive(at(T0 + 600_000, 0), at(T0 + 360_000, 0, 'term_b'), T0);
    expect(result.ok).toBe(false);
  });

  it('leaves the state unchanged when it refuses', () => {
    const state = at(T0, 7);
    const result = tickReceive(state, at(T0 + 3_600_000, 0, 'term_b'), T0);
    expect(result.ok).toBe(false);
    expect(state).toEqual(at(T0, 7));
    expect(result).not.toHaveProperty('value');
  });
});

describe('counter overflow', () => {
  it('MAX_COUNTER is 99999, the largest 5-digit counter', () => {
    expect(MAX_COUNTER).toBe(99_999);
  });

  it('tickSend at counter 99999 moves the wall part on by 1 ms with counter 0', () => {
    const state = at(T0, MAX_COUNTER);
    const next = tickSend(state, T0);
    expect(next).toEqual(at(T0 + 1, 0));
    expect(formatHlc(next) > formatHlc(state)).toBe(true);
  });

  it('tickReceive of a remote counter 99999 moves the wall part on by 1 ms', () => {
    const next = receiveOk(at(T0, 3), at(T0, MAX_COUNTER, 'term_b'), T0);
    expect(next).toEqual(at(T0 + 1, 0));
    expect(formatHlc(next) > formatHlc(at(T0, MAX_COUNTER, 'term_b'))).toBe(true);
  });

  it('200 000 sends within one wall millisecond stay 5-digit and strictly sorted', () => {
    let state: HlcState = at(T0, 0);
    let previous = formatHlc(state);
    let unsorted = 0;
    for (let i = 0; i < 200_000; i++) {
      state = tickSend(state, T0);
      const text = formatHlc(state);
      if (!(text > previous) || !HLC_PATTERN.test(text)) unsorted++;
      previous = text;
    }
    expect(unsorted).toBe(0);
    expect(state.wallMs).toBe(T0 + 2);
  });

  it('throws (a bug, not a user error) only when the largest 15-digit wall value is exhausted', () => {
    expect(() => tickSend(at(999_999_999_999_999, MAX_COUNTER), 0)).toThrow(/exhausted/);
  });
});

describe('property: any sequence of sends and receives', () => {
  type Op =
    | { kind: 'send'; wallStep: number }
    | { kind: 'receive'; wallStep: number; remoteOffset: number; remoteCounter: number };

  const wallStep = fc.integer({ min: -120_000, max: 120_000 });
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('send' as const), wallStep }),
    fc.record({
      kind: fc.constant('receive' as const),
      wallStep,
      // Remote clocks from far behind to beyond the drift limit.
      remoteOffset: fc.integer({ min: -600_000, max: 2 * MAX_DRIFT_MS }),
      remoteCounter: fc.oneof(
        fc.integer({ min: 0, max: MAX_COUNTER }),
        fc.constantFrom(0, MAX_COUNTER - 1, MAX_COUNTER),
      ),
    }),
  );

  it('yields strictly increasing timestamps, each after the remote it merged (seed 42)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 2_000_000_000_000 }),
        fc.array(opArb, { minLength: 1, maxLength: 200 }),
        (start, ops) => {
          let now = start;
          let state = initialClock(NODE);
          let previous = formatHlc(state);
          for (const op of ops) {
            now = Math.max(0, now + op.wallStep);
            if (op.kind === 'send') {
              state = tickSend(state, now);
            } else {
              const remote = at(Math.max(0, now + op.remoteOffset), op.remoteCounter, 'term_b');
              const result = tickReceive(state, remote, now);
              if (!result.ok) {
                expect(result.error.code).toBe('clock_drift');
                expect(remote.wallMs - now).toBeGreaterThan(MAX_DRIFT_MS);
                continue;
              }
              expect(remote.wallMs - now).toBeLessThanOrEqual(MAX_DRIFT_MS);
              expect(compareNumeric(result.value, remote)).toBe(1);
              state = result.value;
            }
            const text = formatHlc(state);
            expect(text > previous).toBe(true);
            expect(state.counter).toBeLessThanOrEqual(MAX_COUNTER);
            expect(text).toMatch(HLC_PATTERN);
            previous = text;
          }
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });
});
