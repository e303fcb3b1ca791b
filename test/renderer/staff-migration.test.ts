/**
 * Schema version 4 on a terminal that kept its own staff list under version 3: each staff
 * row gets a version from its own times and waits to be sent; each audit row moves to the
 * staff log with a fresh UUIDv7, its fields kept, waiting too, beside the entry the first
 * run did not write for the store's first manager; the old table is gone.
 */
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { UUID_V7_PATTERN } from '../../shared/ids';
import { staffAuditEntrySchema, staffRecordSchema } from '../../shared/sync/staff-protocol';
import { openDatabase } from '../../renderer/storage/database';
import { migration001 } from '../../renderer/storage/migrations/001-initial';
import { migration002 } from '../../renderer/storage/migrations/002-outbox-order';
import { migration003 } from '../../renderer/storage/migrations/003-staff-audit';
import { TEST_PIN_HASH } from '../support/staff-records';

const T0 = Date.UTC(2026, 5, 1, 8);
const pin = TEST_PIN_HASH;

describe('migration 004', () => {
  it('versions the staff rows and moves the audit to the staff log with fresh ids', async () => {
    const name = `treu-migration-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    for (const m of [migration001, migration002, migration003])
      old.version(m.version).stores(m.stores);
    await old.table('meta').put({ key: 'identity', value: { terminal: 'term_abcd' } });
    await old.table('staff').bulkPut([
      { id: 'stf_mara', name: 'Mara', role: 'manager', pin, createdMs: T0 },
      { id: 'stf_ben', name: 'Ben', role: 'cashier', pin, createdMs: T0 + 5, removedMs: T0 + 90 },
    ]);
    const entries = [
      { atMs: T0 + 5, by: 'stf_mara', staff: 'stf_ben', change: 'added', role: 'cashier' },
      { atMs: T0 + 90, by: 'stf_mara', staff: 'stf_ben', change: 'removed' },
    ];
    await old.table('staffAudit').bulkAdd(entries);
    old.close();

    const db = openDatabase(name, { host: { indexedDB, IDBKeyRange } });
    const staff = await db.staff.orderBy('id').toArray();
    expect(staff.map((row) => [row.id, row.changedAt, row.pending])).toEqual([
      ['stf_ben', `${String(T0 + 90).padStart(15, '0')}-00000-term_abcd`, 1],
      ['stf_mara', `${String(T0).padStart(15, '0')}-00000-term_abcd`, 1],
    ]);
    for (const { pending: _p, ...record } of staff) staffRecordSchema.parse(record);
    const log = await db.staffLog.orderBy('atMs').toArray();
    // The old entries, and the "added as manager" entry the first run did not write.
    const firstManager = {
      atMs: T0,
      by: 'stf_mara',
      staff: 'stf_mara',
      change: 'added',
      role: 'manager',
    };
    expect(log.map(({ id: _id, ...rest }) => rest)).toEqual(
      [firstManager, ...entries].map((entry) => ({ ...entry, pending: 1 })),
    );
    for (const { pending: _p, ...entry } of log) {
      expect(entry.id).toMatch(UUID_V7_PATTERN);
      expect(parseInt(entry.id.replaceAll('-', '').slice(0, 12), 16)).toBe(entry.atMs);
      staffAuditEntrySchema.parse(entry);
    }
    expect(new Set(log.map((row) => row.id)).size).toBe(3);
    expect(db.dexie.tables.map((table) => table.name)).not.toContain('staffAudit');
    expect(await db.staff.where('pending').equals(1).count()).toBe(2);
    db.dexie.close();
  });
});
