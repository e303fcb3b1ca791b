/**
 * Member profiles on SQLite: one row per member, merged with what comes in by
 * shared/profiles/merge-profiles.ts; a row that changes takes the tenant's next profile
 * position. The connection runs with `secure_delete` (sqlite-store.ts), so an erased
 * record's old bytes are zeroed where they lay; a truncating checkpoint after an erasure
 * takes them out of the write-ahead log too (docs/decisions/0008-member-profiles.md).
 */
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../shared/ledger/canonical-json';
import { mergeProfiles } from '../../shared/profiles/merge-profiles';
import type { ProfileRecord } from '../../shared/profiles/profile-record';
import type { StoredProfile } from './server-store';

export interface SqliteProfileMethods {
  saveProfiles(tenant: string, records: readonly ProfileRecord[]): number;
  profilesAfter(tenant: string, position: number, limit: number): StoredProfile[];
  newestProfilePosition(tenant: string): number;
}

export function sqliteProfileMethods(db: Database.Database): SqliteProfileMethods {
  const held = db.prepare<[string, string], { body: string }>(
    'SELECT body FROM member_profiles WHERE tenant = ? AND member = ?',
  );
  const nextPosition = db.prepare<[string], { position: number }>(
    `UPDATE tenants SET last_profile_position = last_profile_position + 1 WHERE id = ?
     RETURNING last_profile_position AS position`,
  );
  const put = db.prepare<[string, string, number, string]>(
    `INSERT INTO member_profiles (tenant, member, position, body) VALUES (?, ?, ?, ?)
     ON CONFLICT (tenant, member) DO UPDATE SET position = excluded.position, body = excluded.body`,
  );
  const after = db.prepare<[string, number, number], { position: number; body: string }>(
    `SELECT position, body FROM member_profiles WHERE tenant = ? AND position > ?
     ORDER BY position LIMIT ?`,
  );
  const newest = db.prepare<[string], { position: number }>(
    'SELECT last_profile_position AS position FROM tenants WHERE id = ?',
  );
  const save = db.transaction((tenant: string, records: readonly ProfileRecord[]) => {
    let changed = 0;
    let erased = false;
    for (const record of records) {
      const row = held.get(tenant, record.member);
      // Stored after the route's schema checked it: read back as it was written.
      const current = row ? (JSON.parse(row.body) as ProfileRecord) : undefined;
      const merged = mergeProfiles(record, current);
      const body = canonicalJson(merged);
      if (row?.body === body) continue;
      const position = nextPosition.get(tenant)?.position;
      if (position === undefined) throw new Error(`No tenant ${tenant} for profiles.`);
      put.run(tenant, merged.member, position, body);
      changed += 1;
      if (merged.erasedAt !== undefined && current?.erasedAt === undefined) erased = true;
    }
    return { changed, erased };
  });
  return {
    saveProfiles: (tenant, records) => {
      const { changed, erased } = save(tenant, records);
      // The zeroed pages are in the log now and the old ones may still be there: moved into
      // the file and the log emptied, so no copy of the erased values is left in either.
      if (erased) db.pragma('wal_checkpoint(TRUNCATE)');
      return changed;
    },
    profilesAfter: (tenant, position, limit) =>
      after.all(tenant, position, limit).map((row) => ({
        position: row.position,
        // Stored after the route's schema checked it: read back as it was written.
        record: JSON.parse(row.body) as ProfileRecord,
      })),
    newestProfilePosition: (tenant) => newest.get(tenant)?.position ?? 0,
  };
}
