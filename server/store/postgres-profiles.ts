/**
 * Member profiles on PostgreSQL: one row per member, merged with what comes in by
 * shared/profiles/merge-profiles.ts under a row lock; a row that changes takes the
 * tenant's next profile position, under the tenant row's lock, so positions become
 * visible in the order they were given (as events' do). A batch writes its rows in member
 * order, so two batches touching the same members wait instead of deadlocking.
 *
 * An erased record's old row version stays in the table's pages until a `VACUUM FULL`
 * rewrites the table (a plain VACUUM can leave it in a page's free gap): run after each
 * batch with an erasure, on this small table only (docs/decisions/0008-member-profiles.md).
 */
import type pg from 'pg';
import { canonicalJson } from '../../shared/ledger/canonical-json';
import { mergeProfiles } from '../../shared/profiles/merge-profiles';
import type { ProfileRecord } from '../../shared/profiles/profile-record';
import type { StoredProfile } from './server-store';

type InTransaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export function postgresProfileMethods(
  pool: pg.Pool,
  inTransaction: InTransaction,
): {
  saveProfiles(tenant: string, records: readonly ProfileRecord[]): Promise<number>;
  profilesAfter(tenant: string, position: number, limit: number): Promise<StoredProfile[]>;
  newestProfilePosition(tenant: string): Promise<number>;
} {
  return {
    saveProfiles: async (tenant, records) => {
      if (records.length === 0) return 0;
      const byMember = [...records].sort((a, b) =>
        a.member < b.member ? -1 : a.member > b.member ? 1 : 0,
      );
      const { changed, erased } = await inTransaction(async (client) => {
        // The tenant's row first: it orders this tenant's writers of profile positions.
        const tenantRow = await client.query('SELECT 1 FROM tenants WHERE id = $1 FOR UPDATE', [
          tenant,
        ]);
        if (tenantRow.rowCount === 0) throw new Error(`No tenant ${tenant} for profiles.`);
        let count = 0;
        let anyErased = false;
        for (const record of byMember) {
          const held = await client.query<{ body: string }>(
            'SELECT body FROM member_profiles WHERE tenant = $1 AND member = $2 FOR UPDATE',
            [tenant, record.member],
          );
          const body = held.rows[0]?.body;
          // Stored after the route's schema checked it: read back as it was written.
          const current = body === undefined ? undefined : (JSON.parse(body) as ProfileRecord);
          const merged = mergeProfiles(record, current);
          const text = canonicalJson(merged);
          if (text === body) continue;
          const next = await client.query<{ position: string }>(
            `UPDATE tenants SET last_profile_position = last_profile_position + 1 WHERE id = $1
             RETURNING last_profile_position AS position`,
            [tenant],
          );
          await client.query(
            `INSERT INTO member_profiles (tenant, member, position, body) VALUES ($1, $2, $3, $4)
             ON CONFLICT (tenant, member) DO UPDATE SET position = excluded.position, body = excluded.body`,
            [tenant, merged.member, next.rows[0]?.position, text],
          );
          count += 1;
          if (merged.erasedAt !== undefined && current?.erasedAt === undefined) anyErased = true;
        }
        return { changed: count, erased: anyErased };
      });
      // Outside the transaction: VACUUM cannot run inside one.
      if (erased) await pool.query('VACUUM FULL member_profiles');
      return changed;
    },
    profilesAfter: async (tenant, position, limit) => {
      const rows = await pool.query<{ position: string; body: string }>(
        `SELECT position, body FROM member_profiles WHERE tenant = $1 AND position > $2
         ORDER BY position LIMIT $3`,
        [tenant, position, limit],
      );
      return rows.rows.map((row) => ({
        position: Number(row.position),
        // Stored after the route's schema checked it: read back as it was written.
        record: JSON.parse(row.body) as ProfileRecord,
      }));
    },
    newestProfilePosition: async (tenant) => {
      const row = await pool.query<{ position: string }>(
        'SELECT last_profile_position AS position FROM tenants WHERE id = $1',
        [tenant],
      );
      return Number(row.rows[0]?.position ?? 0);
    },
  };
}
