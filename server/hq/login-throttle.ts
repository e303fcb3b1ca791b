/**
 * Wrong passwords slow a guesser down: after MAX_FAILURES wrong passwords for one user
 * name within FAILURE_WINDOW_MS, that name cannot log in until LOCK_MS after the last
 * one (the password is not even checked meanwhile). A right password clears the count.
 * The count lives in the store, so every server instance sees it.
 */
import type { LoginFailures } from '../store/server-store';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 5 * 60 * 1000;

/** Milliseconds until the name may try again; 0 when it may now. */
export function lockedForMs(failures: LoginFailures | undefined, nowMs: number): number {
  if (!failures || failures.count < MAX_FAILURES) return 0;
  return Math.max(0, failures.lastMs + LOCK_MS - nowMs);
}

/** Wrong passwords left before the lock, after `failures`. */
export const triesLeft = (failures: LoginFailures): number =>
  Math.max(0, MAX_FAILURES - failures.count);
