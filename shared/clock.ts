/**
 * Hybrid logical clock (HLC), after Kulkarni, Demirbas et al., "Logical Physical Clocks
 * and Consistent Snapshots in Globally Distributed Databases" (2014).
 *
 * A timestamp is (wall milliseconds, counter, node). `send` stamps a local event;
 * `receive` merges a remote timestamp. Timestamps never go backwards, even when the wall
 * clock does, and stay close to physical time. As a string (docs/architecture.md, Events)
 * the wall part is zero-padded to 15 digits and the counter to 5, so timestamps sort
 * lexicographically: `001732280000000-00000-term_4f2a`.
 *
 * Two guards: a received timestamp more than MAX_DRIFT_MS ahead of our wall clock is
 * refused with a typed error (a terminal with a wrong clock must not drag every replica
 * into the future); and when the counter would pass 99999 the wall part moves on by one
 * millisecond instead, so the string format stays sortable.
 *
 * The functions are pure: the caller keeps the state and supplies the wall clock.
 */
import { err, ok, type Result } from './result';

export const MAX_DRIFT_MS = 5 * 60 * 1000;

/**
 * By how many whole minutes a wall-clock time is ahead of `nowMs`, when it is more than
 * the allowed drift ahead (a clock to refuse); undefined when it is not.
 */
export function minutesBeyondDrift(wallMs: number, nowMs: number): number | undefined {
  const aheadMs = wallMs - nowMs;
  return aheadMs > MAX_DRIFT_MS ? Math.round(aheadMs / 60_000) : undefined;
}
export const MAX_COUNTER = 99_999;
const MAX_WALL_MS = 999_999_999_999_999;

export interface HlcState {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

export interface HlcTimestamp {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

export type ClockError =
  | { code: 'clock_drift'; message: string; aheadMs: number }
  | { code: 'malformed_hlc'; message: string };

/** The node is a terminal id: `term_` and up to 64 characters (ids.ts), so up to 69 in all. */
export const HLC_PATTERN = /^(\d{15})-(\d{5})-([0-9a-z_-]{1,69})$/;

export function initialClock(node: string): HlcState {
  return { wallMs: 0, counter: 0, node };
}

export function formatHlc(ts: HlcTimestamp): string {
  return `${String(ts.wallMs).padStart(15, '0')}-${String(ts.counter).padStart(5, '0')}-${ts.node}`;
}

export function parseHlc(text: string): Result<HlcTimestamp, ClockError> {
  const match = HLC_PATTERN.exec(text);
  if (!match) {
    return err({
      code: 'malformed_hlc',
      message: `"${text.slice(0, 80)}" is not a clock value: expected 15 digits, "-", 5 digits, "-", a terminal id.`,
    });
  }
  const [, wall = '', counter = '', node = ''] = match;
  return ok({ wallMs: Number(wall), counter: Number(counter), node });
}

/**
 * The wall-clock milliseconds of an HLC string, NaN when it does not start with 15
 * digits. The fold asks this of every event: reading the digits in place allocates
 * nothing, where a slice would.
 */
export function hlcWallMs(hlc: string): number {
  let ms = 0;
  for (let i = 0; i < 15; i++) {
    const digit = hlc.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    ms = ms * 10 + digit;
  }
  return ms;
}

/**
 * The counter of an HLC string whose wall part `hlcWallMs` reads, -1 when the clock does
 * not go on with "-" and 5 digits. Two clocks with the same wall and different counters
 * are ordered by their counters.
 */
export function hlcCounter(hlc: string): number {
  if (hlc.charCodeAt(15) !== 45) return -1;
  let counter = 0;
  for (let i = 16; i < 21; i++) {
    const digit = hlc.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    counter = counter * 10 + digit;
  }
  return counter;
}

function advanced(wallMs: number, counter: number, node: string): HlcState {
  if (counter <= MAX_COUNTER) return { wallMs, counter, node };
  if (wallMs >= MAX_WALL_MS) throw new Error('Hybrid logical clock is exhausted.');
  return { wallMs: wallMs + 1, counter: 0, node };
}

/** Stamps a local event: returns the new state, whose timestamp is the event's `hlc`. */
export function tickSend(state: HlcState, nowMs: number): HlcState {
  const physical = Math.floor(nowMs);
  if (physical > state.wallMs) return advanced(physical, 0, state.node);
  return advanced(state.wallMs, state.counter + 1, state.node);
}

/**
 * Merges a received timestamp. Refuses (and leaves the state as it was) when the remote
 * clock is more than MAX_DRIFT_MS ahead of ours.
 */
export function tickReceive(
  state: HlcState,
  remote: HlcTimestamp,
  nowMs: number,
): Result<HlcState, ClockError> {
  const physical = Math.floor(nowMs);
  const aheadMs = remote.wallMs - physical;
  if (aheadMs > MAX_DRIFT_MS) {
    return err({
      code: 'clock_drift',
      aheadMs,
      message: `An event from ${remote.node} is ${Math.round(aheadMs / 60_000)} minutes ahead of this terminal's clock. Check the date and time on both devices.`,
    });
  }
  const wallMs = Math.max(state.wallMs, remote.wallMs, physical);
  let counter: number;
  if (wallMs === state.wallMs && wallMs === remote.wallMs) {
    counter = Math.max(state.counter, remote.counter) + 1;
  } else if (wallMs === state.wallMs) {
    counter = state.counter + 1;
  } else if (wallMs === remote.wallMs) {
    counter = remote.counter + 1;
  } else {
    counter = 0;
  }
  return ok(advanced(wallMs, counter, state.node));
}
