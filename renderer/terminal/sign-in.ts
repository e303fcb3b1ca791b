/** Signing a member of staff in with their PIN, under the pad's lockout. */
import { err, ok, type Result } from '../../shared/result';
import type { TreuDatabase } from '../storage/database';
import { readMeta, writeMeta } from '../storage/meta';
import type { StaffRole } from '../storage/rows';
import { afterWrongPin, attemptsLeft, lockedForMs, NO_LOCKOUT } from './lockout';
import { checkPinFormat, pinMatches } from './pin';

export interface Session {
  readonly staff: string;
  readonly name: string;
  readonly role: StaffRole;
}

export type SignInRefusal =
  | { readonly code: 'locked'; readonly waitSeconds: number }
  | { readonly code: 'wrong_pin'; readonly attemptsLeft: number; readonly waitSeconds: number }
  | { readonly code: 'pin_format' }
  | { readonly code: 'unknown_staff' };

export async function signIn(
  db: TreuDatabase,
  staffId: string,
  pin: string,
  nowMs = Date.now(),
): Promise<Result<Session, SignInRefusal>> {
  const lockout = (await readMeta(db, 'lockout')) ?? NO_LOCKOUT;
  const waitMs = lockedForMs(lockout, nowMs);
  if (waitMs > 0) return err({ code: 'locked', waitSeconds: Math.ceil(waitMs / 1000) });
  if (!checkPinFormat(pin).ok) return err({ code: 'pin_format' });
  const staff = await db.staff.get(staffId);
  // A removed member of staff keeps their row (events name them) but signs in no more.
  if (!staff || staff.removedMs !== undefined) return err({ code: 'unknown_staff' });
  if (!(await pinMatches(pin, staff.pin))) {
    const next = afterWrongPin(lockout, nowMs);
    await writeMeta(db, 'lockout', next);
    return err({
      code: 'wrong_pin',
      attemptsLeft: attemptsLeft(next),
      waitSeconds: Math.ceil(lockedForMs(next, nowMs) / 1000),
    });
  }
  if (lockout.failures > 0) await writeMeta(db, 'lockout', NO_LOCKOUT);
  return ok({ staff: staff.id, name: staff.name, role: staff.role });
}
