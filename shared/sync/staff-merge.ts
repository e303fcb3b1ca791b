/**
 * How two versions of one person's staff record become one, on the server and on every
 * terminal alike: the newer version's fields win (last writer wins by `changedAt`), but
 * a removal is for good: once any version says someone was removed, the merged record
 * says so too, from the earliest removal. Otherwise a PIN reset made offline on another
 * terminal after the removal would bring a dismissed cashier back.
 *
 * The merge is commutative and associative (a maximum by version and a minimum of the
 * removal times), so every replica ends with the same record whatever the order of
 * arrival.
 */
import { isNewerVersion, type StaffRecord } from './staff-protocol';

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

export function mergeStaffRecords(a: StaffRecord, b: StaffRecord | undefined): StaffRecord {
  if (!b) return a;
  const newer = isNewerVersion(a.changedAt, b.changedAt) ? a : b;
  const removedMs = earliest(a.removedMs, b.removedMs);
  if (removedMs === newer.removedMs) return newer;
  const { removedMs: _dropped, ...fields } = newer;
  return removedMs === undefined ? fields : { ...fields, removedMs };
}

/** Whether two records say the same (field order aside). */
export function sameStaffRecord(a: StaffRecord, b: StaffRecord): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.role === b.role &&
    a.createdMs === b.createdMs &&
    a.removedMs === b.removedMs &&
    a.changedAt === b.changedAt &&
    a.pin.iterations === b.pin.iterations &&
    a.pin.salt === b.pin.salt &&
    a.pin.hash === b.pin.hash
  );
}
