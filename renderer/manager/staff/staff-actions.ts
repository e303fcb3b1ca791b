/**
 * The store's staff list, kept by its managers on any of its terminals: add a cashier or
 * a manager, reset a PIN, change a role, remove someone. Every change gets a new version
 * (staff-version.ts) and is written to the staff log in the same transaction; both wait
 * as pending until the sync hands them to the server, which shares them with the store's
 * other terminals (renderer/sync/sync-staff.ts).
 *
 * The store always keeps at least one manager, and a manager cannot remove themselves:
 * nobody could then undo a mistake. These are checked against the list as this terminal
 * knows it; two terminals offline can each demote a different manager, and the store may
 * then have none; until someone is made manager again, the person longest on the list
 * stands in (stand-in-manager.ts), and the Staff screen says so.
 */
import { freeText } from '../../../shared/ledger/free-text';
import { err, ok, type Result } from '../../../shared/result';
import { newEventId, newId } from '../../../shared/ids';
import { readWrite, type TreuDatabase } from '../../storage/database';
import type { StaffLogRow, StaffRole, StaffRow } from '../../storage/rows';
import { checkPinFormat, hashPin } from '../../terminal/pin';
import type { Session } from '../../terminal/sign-in';
import { actingRole } from './stand-in-manager';
import { nextStaffVersion } from './staff-version';

export type StaffError =
  | { readonly code: 'not_manager' }
  | { readonly code: 'name' }
  | { readonly code: 'name_taken' }
  | { readonly code: 'pin_format' }
  | { readonly code: 'unknown_staff' }
  | { readonly code: 'last_manager' }
  | { readonly code: 'self' };

export type StaffResult<T> = Result<T, StaffError>;

export interface NewStaff {
  readonly name: string;
  readonly role: StaffRole;
  readonly pin: string;
}

export const isCurrent = (row: StaffRow): boolean => row.removedMs === undefined;

/** The staff who can sign in, managers first, then by name. */
export function currentStaff(rows: readonly StaffRow[]): StaffRow[] {
  return rows
    .filter(isCurrent)
    .sort((a, b) =>
      a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'manager' ? -1 : 1,
    );
}

const sameName = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** The signed-in manager, checked against the list as it is now (they may have been removed). */
async function actingManager(tx: TreuDatabase, session: Session): Promise<boolean> {
  const me = await tx.staff.get(session.staff);
  if (me === undefined || !isCurrent(me)) return false;
  return (
    me.role === 'manager' ||
    actingRole(me, await tx.staff.toArray(), await tx.staffLog.toArray()) === 'manager'
  );
}

async function managersLeftWithout(tx: TreuDatabase, staffId: string): Promise<number> {
  const managers = await tx.staff.where('role').equals('manager').toArray();
  return managers.filter((row) => isCurrent(row) && row.id !== staffId).length;
}

function audit(tx: TreuDatabase, entry: Omit<StaffLogRow, 'id' | 'pending'>): Promise<string> {
  return tx.staffLog.add({ id: newEventId(entry.atMs), ...entry, pending: 1 });
}

/** Writes a changed record as this terminal's newest version of it, waiting for the server. */
async function putChanged(
  tx: TreuDatabase,
  row: Omit<StaffRow, 'changedAt' | 'pending'> & { readonly changedAt?: string },
  nowMs: number,
): Promise<StaffRow> {
  const changed: StaffRow = {
    ...row,
    changedAt: await nextStaffVersion(tx, row.changedAt, nowMs),
    pending: 1,
  };
  await tx.staff.put(changed);
  return changed;
}

export async function addStaff(
  db: TreuDatabase,
  session: Session,
  input: NewStaff,
  nowMs = Date.now(),
): Promise<StaffResult<StaffRow>> {
  const name = input.name.trim();
  if (!freeText(60).safeParse(name).success) return err({ code: 'name' });
  if (!checkPinFormat(input.pin).ok) return err({ code: 'pin_format' });
  // Hashing takes a moment (600,000 rounds): done before the transaction, which must not wait.
  const pin = await hashPin(input.pin);
  return readWrite(db, async (tx): Promise<StaffResult<StaffRow>> => {
    if (!(await actingManager(tx, session))) return err({ code: 'not_manager' });
    const everyone = await tx.staff.toArray();
    if (everyone.some((row) => isCurrent(row) && sameName(row.name, name)))
      return err({ code: 'name_taken' });
    const row = await putChanged(
      tx,
      { id: newId('staff'), name, role: input.role, pin, createdMs: nowMs },
      nowMs,
    );
    await audit(tx, {
      atMs: nowMs,
      by: session.staff,
      staff: row.id,
      change: 'added',
      role: row.role,
    });
    return ok(row);
  });
}

export async function resetStaffPin(
  db: TreuDatabase,
  session: Session,
  staffId: string,
  newPin: string,
  nowMs = Date.now(),
): Promise<StaffResult<null>> {
  if (!checkPinFormat(newPin).ok) return err({ code: 'pin_format' });
  const pin = await hashPin(newPin);
  return readWrite(db, async (tx): Promise<StaffResult<null>> => {
    if (!(await actingManager(tx, session))) return err({ code: 'not_manager' });
    const row = await tx.staff.get(staffId);
    if (!row || !isCurrent(row)) return err({ code: 'unknown_staff' });
    await putChanged(tx, { ...row, pin }, nowMs);
    await audit(tx, { atMs: nowMs, by: session.staff, staff: staffId, change: 'pin_reset' });
    return ok(null);
  });
}

export function changeStaffRole(
  db: TreuDatabase,
  session: Session,
  staffId: string,
  role: StaffRole,
  nowMs = Date.now(),
): Promise<StaffResult<null>> {
  return readWrite(db, async (tx): Promise<StaffResult<null>> => {
    if (!(await actingManager(tx, session))) return err({ code: 'not_manager' });
    const row = await tx.staff.get(staffId);
    if (!row || !isCurrent(row)) return err({ code: 'unknown_staff' });
    if (row.role === role) return ok(null);
    if (role === 'cashier' && (await managersLeftWithout(tx, staffId)) === 0)
      return err({ code: 'last_manager' });
    await putChanged(tx, { ...row, role }, nowMs);
    await audit(tx, {
      atMs: nowMs,
      by: session.staff,
      staff: staffId,
      change: 'role_changed',
      role,
    });
    return ok(null);
  });
}

export function removeStaff(
  db: TreuDatabase,
  session: Session,
  staffId: string,
  nowMs = Date.now(),
): Promise<StaffResult<null>> {
  return readWrite(db, async (tx): Promise<StaffResult<null>> => {
    if (!(await actingManager(tx, session))) return err({ code: 'not_manager' });
    if (staffId === session.staff) return err({ code: 'self' });
    const row = await tx.staff.get(staffId);
    if (!row || !isCurrent(row)) return err({ code: 'unknown_staff' });
    if (row.role === 'manager' && (await managersLeftWithout(tx, staffId)) === 0)
      return err({ code: 'last_manager' });
    await putChanged(tx, { ...row, removedMs: nowMs }, nowMs);
    await audit(tx, { atMs: nowMs, by: session.staff, staff: staffId, change: 'removed' });
    return ok(null);
  });
}
