/**
 * Schema version 4: the staff list becomes the store's, kept by the server and synced to
 * every terminal of the store (shared/sync/staff-protocol.ts).
 *
 * - `staff` rows get a version (`changedAt`, a clock string: last writer wins per person)
 *   and `pending` (1 until the server has the row as it is here), indexed like the
 *   events' outbox.
 * - The audit moves to `staffLog`, keyed by a globally unique id (a UUIDv7), so the
 *   entries of every terminal can be put together once each; `staffAudit` and its
 *   auto-increment key, which only meant something on one terminal, are dropped.
 *
 * The upgrade gives every existing row a version from its own times (this terminal's id
 * as the tie-break) and marks it pending, and copies the old audit with fresh ids (adding
 * the "added as manager" entry the first run did not write), so a terminal that kept its
 * own list hands it to the store at its next sync. Like every
 * migration it imports no domain code: the clock string and the UUIDv7 are written out
 * here.
 */
import type { Transaction } from 'dexie';

const hlcAt = (ms: number, node: string) => `${String(ms).padStart(15, '0')}-00000-${node}`;

/** A UUIDv7 (RFC 9562): 48 bits of milliseconds, version 7, variant 10, random bits. */
function uuidV7At(ms: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let rest = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface OldStaffRow {
  id: string;
  role: string;
  createdMs: number;
  removedMs?: number;
  changedAt?: string;
  pending?: 0 | 1;
}

interface OldAuditRow {
  seq?: number;
  atMs: number;
  staff: string;
  change: string;
  role?: string;
}

async function upgrade(tx: Transaction): Promise<void> {
  const identity = (await tx.table('meta').get('identity')) as
    { value?: { terminal?: string } } | undefined;
  const node = identity?.value?.terminal ?? 'term_migrated';
  await tx
    .table('staff')
    .toCollection()
    .modify((row: OldStaffRow) => {
      row.changedAt = hlcAt(Math.max(row.createdMs, row.removedMs ?? 0), node);
      row.pending = 1;
    });
  const audit = (await tx.table('staffAudit').toArray()) as OldAuditRow[];
  // The first run wrote no audit entry for the store's first manager; one is added, so
  // the audit says who has been a manager (stand-in-manager.ts).
  const staff = (await tx.table('staff').toArray()) as OldStaffRow[];
  const madeManager = new Set(
    audit.filter((entry) => entry.role === 'manager').map((entry) => entry.staff),
  );
  const firstManagers = staff
    .filter((row) => row.role === 'manager' && !madeManager.has(row.id))
    .map((row) => ({
      atMs: row.createdMs,
      by: row.id,
      staff: row.id,
      change: 'added',
      role: 'manager',
    }));
  await tx.table('staffLog').bulkAdd(
    [...audit.map(({ seq: _seq, ...entry }) => entry), ...firstManagers].map((entry) => ({
      ...entry,
      id: uuidV7At(entry.atMs),
      pending: 1,
    })),
  );
}

export const migration004 = {
  version: 4,
  stores: {
    events: 'id, [hlc+id], pending, target, [pending+hlc]',
    eventRefs: '[ref+hlc+id]',
    members: 'id, *search, enrolledHlc, mergedInto',
    cards: 'id, member',
    balances: '[member+program], member',
    redemptions: 'id, member',
    programs: 'id',
    staff: 'id, role, pending',
    staffAudit: null,
    staffLog: 'id, atMs, pending',
    meta: 'key',
  },
  upgrade,
} as const;
