/**
 * The store's staff list through the server (shared/sync/staff-protocol.ts): send the
 * records and audit entries changed here that the server does not have yet (`pending`),
 * then take the store's merged list, in one transaction per answer. Per person the two
 * versions merge as on the server (shared/sync/staff-merge.ts: the newer wins, a removal
 * is for good): what the merge keeps from here stays pending (it was made while the call
 * was under way, or the server lost it). Local rows the server
 * does not list (its data was restored from an older backup) become pending again, so
 * the next round hands them back. Interrupted anywhere, the next sync repeats it,
 * harmlessly: the server keeps the newer version and each audit entry once.
 */
import { ok, type Result } from '../../shared/result';
import { mergeStaffRecords, sameStaffRecord } from '../../shared/sync/staff-merge';
import { MAX_STAFF_PUSH, type StaffList } from '../../shared/sync/staff-protocol';
import { readOnly, readWrite, type TreuDatabase } from '../storage/database';
import type { ServerLink, StaffLogRow, StaffRow, SyncProblem } from '../storage/rows';
import { pullStaff, pushStaff } from './protocol-client';

/** More rounds than a store has staff to send: a loop that still has more goes on next sync. */
const MAX_ROUNDS = 20;

const withoutPending = <T extends { readonly pending: 0 | 1 }>({ pending: _p, ...rest }: T) => rest;

function pendingRows(db: TreuDatabase) {
  return readOnly(db, async (tx) => ({
    staff: await tx.staff.where('pending').equals(1).limit(MAX_STAFF_PUSH).toArray(),
    audit: await tx.staffLog.where('pending').equals(1).limit(MAX_STAFF_PUSH).toArray(),
  }));
}

/** Takes the server's list, keeping what is newer here; says whether anything waits still. */
function adopt(db: TreuDatabase, list: StaffList): Promise<boolean> {
  return readWrite(db, async (tx) => {
    const local = new Map((await tx.staff.toArray()).map((row) => [row.id, row]));
    const next: StaffRow[] = [];
    for (const record of list.staff) {
      const mine = local.get(record.id);
      local.delete(record.id);
      const merged = mine ? mergeStaffRecords(withoutPending(mine), record) : record;
      // What the server holds already is acknowledged; what is newer here (or a removal
      // made here) goes to the server next round.
      const row: StaffRow = sameStaffRecord(merged, record)
        ? { ...record, pending: 0 }
        : { ...merged, pending: 1 };
      if (!mine || mine.pending !== row.pending || !sameStaffRecord(withoutPending(mine), merged))
        next.push(row);
    }
    for (const mine of local.values()) if (mine.pending === 0) next.push({ ...mine, pending: 1 });
    if (next.length > 0) await tx.staff.bulkPut(next);

    const entries = new Map((await tx.staffLog.toArray()).map((row) => [row.id, row]));
    const fresh: StaffLogRow[] = [];
    for (const entry of list.audit) {
      const mine = entries.get(entry.id);
      entries.delete(entry.id);
      if (mine?.pending !== 0) fresh.push({ ...entry, pending: 0 });
    }
    for (const mine of entries.values())
      if (mine.pending === 0) fresh.push({ ...mine, pending: 1 });
    if (fresh.length > 0) await tx.staffLog.bulkPut(fresh);

    return (
      (await tx.staff.where('pending').equals(1).count()) +
        (await tx.staffLog.where('pending').equals(1).count()) >
      0
    );
  });
}

export async function syncStaff(
  db: TreuDatabase,
  link: ServerLink,
): Promise<Result<{ readonly sent: number }, SyncProblem>> {
  let sent = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pending = await pendingRows(db);
    const count = pending.staff.length + pending.audit.length;
    const answer =
      count === 0
        ? await pullStaff(link)
        : await pushStaff(link, {
            staff: pending.staff.map(withoutPending),
            audit: pending.audit.map(withoutPending),
          });
    if (!answer.ok) return answer;
    sent += count;
    const more = await adopt(db, answer.value);
    if (!more || count === 0) break;
  }
  return ok({ sent });
}
