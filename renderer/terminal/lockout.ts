/**
 * The PIN pad's lockout: five wrong PINs in a row lock it for 30 seconds, and every
 * further wrong PIN doubles the wait, up to 15 minutes. A right PIN clears the count.
 * Kept in the database, so a reload does not reset it.
 */
import type { PinLockout } from '../storage/rows';

export const LOCKOUT_POLICY = {
  freeAttempts: 5,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
} as const;

export const NO_LOCKOUT: PinLockout = { failures: 0, lockedUntilMs: 0 };

/** Milliseconds until the pad opens again; 0 when it is open. */
export function lockedForMs(lockout: PinLockout, nowMs: number): number {
  return Math.max(0, lockout.lockedUntilMs - nowMs);
}

export function afterWrongPin(lockout: PinLockout, nowMs: number): PinLockout {
  const failures = lockout.failures + 1;
  const beyond = failures - LOCKOUT_POLICY.freeAttempts;
  if (beyond < 0) return { failures, lockedUntilMs: 0 };
  const lockMs = Math.min(LOCKOUT_POLICY.firstLockMs * 2 ** beyond, LOCKOUT_POLICY.maxLockMs);
  return { failures, lockedUntilMs: nowMs + lockMs };
}

/** Wrong PINs left before the pad locks. */
export const attemptsLeft = (lockout: PinLockout): number =>
  Math.max(0, LOCKOUT_POLICY.freeAttempts - lockout.failures);
