/**
 * The store's staff list on SQLite: one row per person, merged with what comes in by
 * shared/sync/staff-merge.ts (the newer version wins, a removal is for good), and the
 * audit, kept once per id. SQLite has one writer at a time: a batch is one transaction.
 */
import type Database from 'better-sqlite3';
import { mergeStaffRecords, sameStaffRecord } from '../../shared/sync/staff-merge';
import type { StaffAuditEntry, StaffList, StaffRecord } from '../../shared/sync/staff-protocol';

export interface SqliteStaffMethods {
  saveStaff(
    tenant: string,
    store: string,
    records: readonly StaffRecord[],
    audit: readonly StaffAuditEntry[],
  ): void;
  staffOf(tenant: string, store: string): StaffList;
}

export function sqliteStaffMethods(db: Database.Database): SqliteStaffMethods {
  const current = db.prepare<[string, string, string], { body: string }>(
    'SELECT body FROM staff WHERE tenant = ? AND store = ? AND id = ?',
  );
  const put = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO staff (tenant, store, id, changed_at, body) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (tenant, store, id) DO UPDATE
       SET changed_at = excluded.changed_at, body = excluded.body`,
  );
  const addAudit = db.prepare<[string, string, string, number, string]>(
    `INSERT INTO staff_audit (tenant, store, id, at_ms, body) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (tenant, store, id) DO NOTHING`,
  );
  const records = db.prepare<[string, string], { body: string }>(
    'SELECT body FROM staff WHERE tenant = ? AND store = ? ORDER BY id',
  );
  const entries = db.prepare<[string, string], { body: string }>(
    'SELECT body FROM staff_audit WHERE tenant = ? AND store = ? ORDER BY at_ms, id',
  );
  const save = db.transaction(
    (
      tenant: string,
      store: string,
      changed: readonly StaffRecord[],
      audit: readonly StaffAuditEntry[],
    ) => {
      for (const record of changed) {
        const row = current.get(tenant, store, record.id);
        // Stored after the route's schema checked it: read back as it was written.
        const held = row ? (JSON.parse(row.body) as StaffRecord) : undefined;
        const merged = mergeStaffRecords(record, held);
        if (held && sameStaffRecord(merged, held)) continue;
        put.run(tenant, store, merged.id, merged.changedAt, JSON.stringify(merged));
      }
      for (const entry of audit) {
        addAudit.run(tenant, store, entry.id, entry.atMs, JSON.stringify(entry));
      }
    },
  );
  return {
    saveStaff: (tenant, store, changed, audit) => {
      save(tenant, store, changed, audit);
    },
    staffOf: (tenant, store) => ({
      // Stored after the route's schema checked them: read back as they were written.
      staff: records.all(tenant, store).map((row) => JSON.parse(row.body) as StaffRecord),
      audit: entries.all(tenant, store).map((row) => JSON.parse(row.body) as StaffAuditEntry),
    }),
  };
}
