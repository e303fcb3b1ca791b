/**
 * The store's staff list on PostgreSQL: one row per person, merged with what comes in by
 * shared/sync/staff-merge.ts (the newer version wins, a removal is for good) under a row
 * lock, and the audit, kept once per id. A batch is one transaction; its rows are written
 * in id order, so two batches touching the same people wait for each other instead of
 * deadlocking.
 */
import type pg from 'pg';
import { mergeStaffRecords, sameStaffRecord } from '../../shared/sync/staff-merge';
import type { StaffAuditEntry, StaffList, StaffRecord } from '../../shared/sync/staff-protocol';

type InTransaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export function postgresStaffMethods(
  pool: pg.Pool,
  inTransaction: InTransaction,
): {
  saveStaff(
    tenant: string,
    store: string,
    records: readonly StaffRecord[],
    audit: readonly StaffAuditEntry[],
  ): Promise<void>;
  staffOf(tenant: string, store: string): Promise<StaffList>;
} {
  const byId = <T extends { readonly id: string }>(rows: readonly T[]) =>
    [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    saveStaff: async (tenant, store, records, audit) => {
      if (records.length === 0 && audit.length === 0) return;
      await inTransaction(async (client) => {
        for (const record of byId(records)) {
          // The row first (a no-op when it is there), then locked: two batches for one
          // person merge one after the other, never from the same old row.
          await client.query(
            `INSERT INTO staff (tenant, store, id, changed_at, body) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (tenant, store, id) DO NOTHING`,
            [tenant, store, record.id, record.changedAt, JSON.stringify(record)],
          );
          const held = await client.query<{ body: string }>(
            'SELECT body FROM staff WHERE tenant = $1 AND store = $2 AND id = $3 FOR UPDATE',
            [tenant, store, record.id],
          );
          const body = held.rows[0]?.body;
          // Stored after the route's schema checked it: read back as it was written.
          const current = body === undefined ? undefined : (JSON.parse(body) as StaffRecord);
          const merged = mergeStaffRecords(record, current);
          if (current && sameStaffRecord(merged, current)) continue;
          await client.query(
            'UPDATE staff SET changed_at = $4, body = $5 WHERE tenant = $1 AND store = $2 AND id = $3',
            [tenant, store, merged.id, merged.changedAt, JSON.stringify(merged)],
          );
        }
        for (const entry of byId(audit)) {
          await client.query(
            `INSERT INTO staff_audit (tenant, store, id, at_ms, body) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (tenant, store, id) DO NOTHING`,
            [tenant, store, entry.id, entry.atMs, JSON.stringify(entry)],
          );
        }
      });
    },
    staffOf: async (tenant, store) => {
      const [records, entries] = await Promise.all([
        pool.query<{ body: string }>(
          'SELECT body FROM staff WHERE tenant = $1 AND store = $2 ORDER BY id COLLATE "C"',
          [tenant, store],
        ),
        pool.query<{ body: string }>(
          'SELECT body FROM staff_audit WHERE tenant = $1 AND store = $2 ORDER BY at_ms, id COLLATE "C"',
          [tenant, store],
        ),
      ]);
      // Stored after the route's schema checked them: read back as they were written.
      return {
        staff: records.rows.map((row) => JSON.parse(row.body) as StaffRecord),
        audit: entries.rows.map((row) => JSON.parse(row.body) as StaffAuditEntry),
      };
    },
  };
}
