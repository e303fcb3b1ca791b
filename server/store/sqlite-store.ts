/**
 * The embedded default: one SQLite file (better-sqlite3, WAL). SQLite has one writer at a
 * time, so a batch's transaction sees and sets the tenant's last position alone.
 */
import type Database from 'better-sqlite3';
import { err, ok } from '../../shared/result';
import { loadSqliteDriver } from './sqlite-driver';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import { sqliteProfileMethods } from './sqlite-profiles';
import { sqliteStaffMethods } from './sqlite-staff';
import { storedListeners } from './stored-listeners';
import type { EventRecord, InsertOutcome, ServerStore, TerminalRow } from './server-store';
import {
  adminRow,
  loginAttempts,
  storeRow,
  tenantRow,
  terminalRow,
  type AdminColumns,
  type LoginAttemptColumns,
  type StoreColumns,
  type TenantColumns,
  type TerminalColumns,
} from './table-rows';

function migrate(db: Database.Database): void {
  const ran = db.pragma('user_version', { simple: true }) as number;
  for (const [i, sql] of SQLITE_MIGRATIONS.entries()) {
    if (i < ran) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

/** Opens (and creates or migrates) the SQLite store in this file; `:memory:` for a throwaway. */
export function openSqliteStore(file: string): ServerStore {
  const Driver = loadSqliteDriver();
  const db = new Driver(file);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the terminal hears "accepted" and drops the event
  // from its outbox, so a power cut cannot take an acknowledged event (NORMAL could).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed, not left in free pages: an erased member's
  // data must leave the file (docs/decisions/0008-member-profiles.md). Per connection, and
  // before any write, or pages freed earlier keep their old bytes.
  db.pragma('secure_delete = ON');
  migrate(db);
  const listeners = storedListeners();

  const q = {
    terminalById: db.prepare<[string], TerminalColumns>('SELECT * FROM terminals WHERE id = ?'),
    terminalByToken: db.prepare<[string], TerminalColumns>(
      'SELECT * FROM terminals WHERE token_hash = ?',
    ),
    eventById: db.prepare<[string], { body: string }>('SELECT body FROM events WHERE id = ?'),
    eventBySeq: db.prepare<[string, number], { id: string }>(
      'SELECT id FROM events WHERE terminal = ? AND seq = ?',
    ),
    lastPosition: db.prepare<[string], { last_position: number }>(
      'SELECT last_position FROM tenants WHERE id = ?',
    ),
    setLastPosition: db.prepare<[number, string]>(
      'UPDATE tenants SET last_position = ? WHERE id = ?',
    ),
    insertEvent: db.prepare<[string, number, string, string, number, string]>(
      'INSERT INTO events (tenant, position, id, terminal, seq, body) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    contiguous: db.prepare<[string], { contiguous_seq: number }>(
      'SELECT contiguous_seq FROM terminals WHERE id = ?',
    ),
    seqsAfter: db.prepare<[string, number], { seq: number }>(
      'SELECT seq FROM events WHERE terminal = ? AND seq > ? ORDER BY seq LIMIT 10000',
    ),
    setContiguous: db.prepare<[number, string]>(
      'UPDATE terminals SET contiguous_seq = ? WHERE id = ?',
    ),
    eventsAfter: db.prepare<[string, number, number], { position: number; body: string }>(
      'SELECT position, body FROM events WHERE tenant = ? AND position > ? ORDER BY position LIMIT ?',
    ),
  };

  /** Moves the terminal's contiguous seq on over the events stored right after it. */
  const advanceContiguous = (terminal: string) => {
    let seq = q.contiguous.get(terminal)?.contiguous_seq;
    if (seq === undefined) return; // events of a terminal this server does not know: none
    const start = seq;
    for (;;) {
      const after = q.seqsAfter.all(terminal, seq);
      for (const row of after) {
        if (row.seq !== seq + 1) break;
        seq = row.seq;
      }
      if (after.length < 10_000 || after.at(-1)?.seq !== seq) break;
    }
    if (seq !== start) q.setContiguous.run(seq, terminal);
  };

  const insertEvents = db.transaction((events: readonly EventRecord[]): InsertOutcome[] => {
    const positions = new Map<string, number>();
    const outcomes = events.map((event): InsertOutcome => {
      const stored = q.eventById.get(event.id);
      if (stored) return stored.body === event.body ? 'duplicate' : 'id_conflict';
      if (q.eventBySeq.get(event.terminal, event.seq)) return 'seq_conflict';
      const last = positions.get(event.tenant) ?? q.lastPosition.get(event.tenant)?.last_position;
      if (last === undefined) throw new Error(`No tenant ${event.tenant}: events need one.`);
      positions.set(event.tenant, last + 1);
      q.insertEvent.run(event.tenant, last + 1, event.id, event.terminal, event.seq, event.body);
      return 'accepted';
    });
    for (const [tenant, position] of positions) q.setLastPosition.run(position, tenant);
    for (const terminal of new Set(events.map((event) => event.terminal))) {
      advanceContiguous(terminal);
    }
    return outcomes;
  });

  const enrol = db.transaction(
    (
      codeHash: string,
      terminal: Omit<TerminalRow, 'tenant' | 'store' | 'lastSyncMs' | 'revokedMs'>,
    ) => {
      const code = db
        .prepare<
          [string],
          { tenant: string; store: string; expires_ms: number; used_ms: number | null }
        >('SELECT tenant, store, expires_ms, used_ms FROM enrolment_codes WHERE code_hash = ?')
        .get(codeHash);
      if (!code) return err('unknown_code' as const);
      if (code.used_ms !== null) return err('code_used' as const);
      if (code.expires_ms <= terminal.enrolledMs) return err('code_expired' as const);
      db.prepare('UPDATE enrolment_codes SET used_ms = ?, terminal = ? WHERE code_hash = ?').run(
        terminal.enrolledMs,
        terminal.id,
        codeHash,
      );
      db.prepare(
        `INSERT INTO terminals (id, tenant, store, name, public_key, token_hash, enrolled_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        terminal.id,
        code.tenant,
        code.store,
        terminal.name,
        terminal.publicKey,
        terminal.tokenHash,
        terminal.enrolledMs,
      );
      const row = q.terminalById.get(terminal.id);
      if (!row) throw new Error('The terminal just enrolled is missing.');
      return ok(terminalRow(row));
    },
  );

  const methods: SyncMethods = {
    ...sqliteStaffMethods(db),
    ...sqliteProfileMethods(db),
    createTenant: (tenant) => {
      db.prepare('INSERT INTO tenants (id, name, created_ms) VALUES (?, ?, ?)').run(
        tenant.id,
        tenant.name,
        tenant.createdMs,
      );
    },
    createStore: (store) => {
      if (!db.prepare('SELECT 1 FROM tenants WHERE id = ?').get(store.tenant)) return undefined;
      db.prepare('INSERT INTO stores (id, tenant, name, created_ms) VALUES (?, ?, ?, ?)').run(
        store.id,
        store.tenant,
        store.name,
        store.createdMs,
      );
      return store;
    },
    tenants: () =>
      db
        .prepare<[], TenantColumns>(
          'SELECT id, name, created_ms FROM tenants ORDER BY created_ms, id',
        )
        .all()
        .map(tenantRow),
    stores: (tenant) =>
      db
        .prepare<[string], StoreColumns>(
          'SELECT * FROM stores WHERE tenant = ? ORDER BY created_ms, id',
        )
        .all(tenant)
        .map(storeRow),
    store: (id) => {
      const row = db.prepare<[string], StoreColumns>('SELECT * FROM stores WHERE id = ?').get(id);
      return row ? storeRow(row) : undefined;
    },
    addEnrolmentCode: (code) => {
      db.prepare(
        `INSERT INTO enrolment_codes (code_hash, tenant, store, created_ms, expires_ms)
         VALUES (?, ?, ?, ?, ?)`,
      ).run(code.codeHash, code.tenant, code.store, code.createdMs, code.expiresMs);
    },
    enrolTerminal: (codeHash, terminal) => enrol(codeHash, terminal),
    terminalByTokenHash: (tokenHash) => {
      const row = q.terminalByToken.get(tokenHash);
      return row ? terminalRow(row) : undefined;
    },
    terminal: (id) => {
      const row = q.terminalById.get(id);
      return row ? terminalRow(row) : undefined;
    },
    terminals: (tenant) =>
      (tenant === undefined
        ? db.prepare<[], TerminalColumns>('SELECT * FROM terminals ORDER BY enrolled_ms, id').all()
        : db
            .prepare<[string], TerminalColumns>(
              'SELECT * FROM terminals WHERE tenant = ? ORDER BY enrolled_ms, id',
            )
            .all(tenant)
      ).map(terminalRow),
    revokeTerminal: (id, nowMs) =>
      db
        .prepare('UPDATE terminals SET revoked_ms = COALESCE(revoked_ms, ?) WHERE id = ?')
        .run(nowMs, id).changes > 0,
    recordSync: (terminal, nowMs) => {
      db.prepare('UPDATE terminals SET last_sync_ms = ? WHERE id = ?').run(nowMs, terminal);
    },
    createAdmin: (admin) => {
      if (!db.prepare('SELECT 1 FROM tenants WHERE id = ?').get(admin.tenant))
        return err('unknown_tenant' as const);
      const inserted = db
        .prepare(
          `INSERT INTO admins (id, tenant, username, password_hash, created_ms)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
        )
        .run(admin.id, admin.tenant, admin.username, admin.passwordHash, admin.createdMs);
      return inserted.changes > 0 ? ok(admin) : err('username_taken' as const);
    },
    adminByUsername: (username) => {
      const row = db
        .prepare<[string], AdminColumns>('SELECT * FROM admins WHERE username = ?')
        .get(username);
      return row ? adminRow(row) : undefined;
    },
    admins: (tenant) =>
      (tenant === undefined
        ? db.prepare<[], AdminColumns>('SELECT * FROM admins ORDER BY created_ms, id').all()
        : db
            .prepare<[string], AdminColumns>(
              'SELECT * FROM admins WHERE tenant = ? ORDER BY created_ms, id',
            )
            .all(tenant)
      ).map(adminRow),
    setAdminPassword: (username, passwordHash) =>
      db.transaction(() => {
        const admin = db
          .prepare<[string], { id: string }>('SELECT id FROM admins WHERE username = ?')
          .get(username);
        if (!admin) return false;
        db.prepare('UPDATE admins SET password_hash = ? WHERE id = ?').run(passwordHash, admin.id);
        db.prepare('DELETE FROM admin_sessions WHERE admin = ?').run(admin.id);
        return true;
      })(),
    createAdminSession: (session) => {
      db.transaction(() => {
        db.prepare('DELETE FROM admin_sessions WHERE expires_ms <= ?').run(session.createdMs);
        db.prepare(
          'INSERT INTO admin_sessions (id_hash, admin, created_ms, expires_ms) VALUES (?, ?, ?, ?)',
        ).run(session.idHash, session.admin, session.createdMs, session.expiresMs);
      })();
    },
    adminBySession: (idHash, nowMs) => {
      const row = db
        .prepare<[string, number], AdminColumns>(
          `SELECT a.* FROM admin_sessions s JOIN admins a ON a.id = s.admin
           WHERE s.id_hash = ? AND s.expires_ms > ?`,
        )
        .get(idHash, nowMs);
      return row ? adminRow(row) : undefined;
    },
    deleteAdminSession: (idHash) => {
      db.prepare('DELETE FROM admin_sessions WHERE id_hash = ?').run(idHash);
    },
    countLoginAttempt: (username, nowMs, windowMs) => {
      const row = db
        .prepare<[{ username: string; now: number; cutoff: number }], LoginAttemptColumns>(
          `INSERT INTO login_failures (username, count, first_ms, last_ms)
           VALUES (@username, 1, @now, @now)
           ON CONFLICT (username) DO UPDATE SET
             count = CASE WHEN first_ms <= @cutoff THEN 1 ELSE count + 1 END,
             first_ms = CASE WHEN first_ms <= @cutoff THEN @now ELSE first_ms END,
             last_ms = @now
           RETURNING count, first_ms, last_ms`,
        )
        .get({ username, now: nowMs, cutoff: nowMs - windowMs });
      if (!row) throw new Error('The login attempt just counted is missing.');
      return loginAttempts(row);
    },
    loginAttempts: (username) => {
      const row = db
        .prepare<[string], LoginAttemptColumns>(
          'SELECT count, first_ms, last_ms FROM login_failures WHERE username = ?',
        )
        .get(username);
      return row ? loginAttempts(row) : undefined;
    },
    clearLoginAttempts: (username) => {
      db.prepare('DELETE FROM login_failures WHERE username = ?').run(username);
    },
    insertEvents: (events) => {
      if (events.length === 0) return [];
      const outcomes = insertEvents(events);
      // Told after the commit, so a listener that pulls sees the new events.
      const tenants = new Set(
        events.filter((_, i) => outcomes[i] === 'accepted').map((e) => e.tenant),
      );
      for (const tenant of tenants) listeners.tell(tenant);
      return outcomes;
    },
    highestContiguousSeq: (terminal) => q.contiguous.get(terminal)?.contiguous_seq ?? 0,
    eventsAfter: (tenant, position, limit) => q.eventsAfter.all(tenant, position, limit),
    newestPosition: (tenant) => q.lastPosition.get(tenant)?.last_position ?? 0,
    close: () => {
      db.close();
    },
  };
  return {
    ...promised(methods),
    kind: 'sqlite',
    onEventsStored: (listener) => listeners.add(listener),
  };
}

type AsyncMethods = Omit<ServerStore, 'kind' | 'onEventsStored'>;

/** The store's methods as better-sqlite3 runs them: synchronously. */
type SyncMethods = {
  [K in keyof AsyncMethods]: (
    ...args: Parameters<AsyncMethods[K]>
  ) => Awaited<ReturnType<AsyncMethods[K]>>;
};

/** The store's methods over synchronous ones: a throw becomes a rejection. */
function promised(methods: SyncMethods): AsyncMethods {
  const store: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    store[name] = (...args: unknown[]) =>
      new Promise((resolve) => {
        resolve((method as (...a: unknown[]) => unknown)(...args));
      });
  }
  // Each entry is the method of the same name, wrapped: the shape is AsyncMethods.
  return store as unknown as AsyncMethods;
}
