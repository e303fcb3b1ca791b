/**
 * Guessing passwords is slowed down per user name: every login attempt is counted in the
 * store BEFORE its password is checked (one atomic upsert, so parallel attempts cannot
 * all slip past a count read earlier), and only the first MAX_ATTEMPTS of a window of
 * ATTEMPT_WINDOW_MS (from the first attempt) are checked. Later ones are refused without
 * a check until the window ends. A right password clears the count. The count lives in
 * the store, so every server instance sees it.
 */
import type { LoginAttempts } from '../store/server-store';

export const MAX_ATTEMPTS = 5;
export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

/**
 * Milliseconds until the name may try again, for an attempt counted as `attempts`; 0 when
 * this attempt's password is to be checked.
 */
export function refusedForMs(attempts: LoginAttempts, nowMs: number): number {
  if (attempts.count <= MAX_ATTEMPTS) return 0;
  return Math.max(1, attempts.firstMs + ATTEMPT_WINDOW_MS - nowMs);
}

/** Attempts left in the window after `attempts`. */
export const triesLeft = (attempts: LoginAttempts): number =>
  Math.max(0, MAX_ATTEMPTS - attempts.count);
