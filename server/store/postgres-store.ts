/**
 * The store for franchises that outgrow one machine: PostgreSQL through node-postgres.
 * Several server instances may share it. A batch of events locks its tenant's row, so
 * the tenant's writers take turns and its positions become visible in order: a pull by
 * cursor never skips an event that commits late.
 */
import pg from 'pg';
import { err, ok } from '../../shared/result';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { postgresProfileMethods } from './postgres-profiles';
import { postgresStaffMethods } from './postgres-staff';
import { storedListeners, type StoredListeners } from './stored-listeners';
import type {
  EnrolmentCodeRow,
  EventRecord,
  InsertOutcome,
  ServerStore,
  StoreRow,
  TenantRow,
} from './server-store';
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

// BIGINT columns hold milliseconds and positions, all within Number's safe range: read
// them as numbers (node-postgres gives strings by default). This process uses node-postgres
// for nothing else, so setting it once for the process is safe.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

const NOTIFY_CHANNEL = 'treu_events';

/**
 * A connection of its own that LISTENs for new events, from any server instance, and
 * tells this instance's listeners. When it drops (PostgreSQL restarted), it connects
 * again after a second, until the store is closed. The store opens once it listens.
 */
async function listenForEvents(
  url: string,
  listeners: StoredListeners,
): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | undefined;
  let closed = false;
  const isClosed = () => closed;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // One reconnection at a time, however many ways the connection reports its end.
  const connectSoon = () => {
    if (closed || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 1_000);
  };
  const connect = async (): Promise<void> => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === NOTIFY_CHANNEL && message.payload) listeners.tell(message.payload);
    });
    next.on('error', () => {
      if (client === next) client = undefined;
      void next.end().catch(() => undefined);
      connectSoon();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
      client = next;
      // The store may have closed while this connection was being made.
      if (isClosed()) await next.end();
    } catch {
      // PostgreSQL is not reachable now: try again in a second.
      void next.end().catch(() => undefined);
      connectSoon();
    }
  };
  await connect();
  return {
    async close() {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

/** Any number the migrations lock on: one server instance migrates at a time. */
const MIGRATION_LOCK = 0x7472_6575;

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS treu_migrations (number INT PRIMARY KEY, ran_ms BIGINT NOT NULL)',
    );
    const ran = new Set(
      (await client.query<{ number: number }>('SELECT number FROM treu_migrations')).rows.map(
        (row) => row.number,
      ),
    );
    for (const [i, sql] of POSTGRES_MIGRATIONS.entries()) {
      if (ran.has(i + 1)) continue;
      await client.query('BEGIN');
      await client.query(sql);
      await client.query('INSERT INTO treu_migrations (number, ran_ms) VALUES ($1, $2)', [
        i + 1,
        Date.now(),
      ]);
      await client.query('COMMIT');
    }
  } catch (error) {
    // A failed migration must not leave its transaction open on a pooled connection.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** Runs `work` in one transaction on one pooled connection. */
async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // Roll back whatever failed, then let the caller see the failure itself.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function insertBatch(
  client: pg.PoolClient,
  events: readonly EventRecord[],
): Promise<InsertOutcome[]> {
  const tenants = [...new Set(events.map((event) => event.tenant))].sort();
  const locked = await client.query<{ id: string; last_position: number }>(
    'SELECT id, last_position FROM tenants WHERE id = ANY($1) ORDER BY id FOR UPDATE',
    [tenants],
  );
  const positions = new Map(locked.rows.map((row) => [row.id, row.last_position]));
  const bodies = new Map(
    (
      await client.query<{ id: string; body: string }>(
        'SELECT id, body FROM events WHERE id = ANY($1)',
        [events.map((event) => event.id)],
      )
    ).rows.map((row) => [row.id, row.body]),
  );
  const seqKey = (terminal: string, seq: number) => `${terminal}\u0000${seq}`;
  const seqs = new Set(
    (
      await client.query<{ terminal: string; seq: number }>(
        `SELECT e.terminal, e.seq FROM events e
         JOIN unnest($1::text[], $2::bigint[]) AS s (terminal, seq)
           ON e.terminal = s.terminal AND e.seq = s.seq`,
        [events.map((event) => event.terminal), events.map((event) => event.seq)],
      )
    ).rows.map((row) => seqKey(row.terminal, row.seq)),
  );
  const fresh: (EventRecord & { position: number })[] = [];
  const outcomes = events.map((event): InsertOutcome => {
    const body = bodies.get(event.id);
    if (body !== undefined) return body === event.body ? 'duplicate' : 'id_conflict';
    if (seqs.has(seqKey(event.terminal, event.seq))) return 'seq_conflict';
    const last = positions.get(event.tenant);
    if (last === undefined) throw new Error(`No tenant ${event.tenant}: events need one.`);
    positions.set(event.tenant, last + 1);
    bodies.set(event.id, event.body);
    seqs.add(seqKey(event.terminal, event.seq));
    fresh.push({ ...event, position: last + 1 });
    return 'accepted';
  });
  if (fresh.length === 0) return outcomes;
  await client.query(
    `INSERT INTO events (tenant, position, id, terminal, seq, body)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[])`,
    [
      fresh.map((e) => e.tenant),
      fresh.map((e) => e.position),
      fresh.map((e) => e.id),
      fresh.map((e) => e.terminal),
      fresh.map((e) => e.seq),
      fresh.map((e) => e.body),
    ],
  );
  await client.query(
    `UPDATE tenants SET last_position = p.position
     FROM unnest($1::text[], $2::bigint[]) AS p (id, position) WHERE tenants.id = p.id`,
    [[...positions.keys()], [...positions.values()]],
  );
  for (const terminal of new Set(fresh.map((event) => event.terminal))) {
    await advanceContiguous(client, terminal);
  }
  // Delivered at commit to every instance listening, this one included.
  for (const tenant of new Set(fresh.map((event) => event.tenant))) {
    await client.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, tenant]);
  }
  return outcomes;
}

/** PostgreSQL's code for a unique constraint that an insert broke. */
const UNIQUE_VIOLATION = '23505';

/**
 * Stores a batch in one transaction. Batches of two tenants do not wait for each other,
 * so both may try to store the same event id (a copied event): the later one breaks the
 * unique id, and its batch runs again, now seeing the stored event as an id conflict.
 */
async function insertWithRetry(
  pool: pg.Pool,
  events: readonly EventRecord[],
): Promise<InsertOutcome[]> {
  if (events.length === 0) return [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(pool, (client) => insertBatch(client, events));
    } catch (error) {
      const unique = error instanceof pg.DatabaseError && error.code === UNIQUE_VIOLATION;
      if (!unique || attempt >= 3) throw error;
    }
  }
}

/** Moves the terminal's contiguous seq on over the events stored right after it. */
async function advanceContiguous(client: pg.PoolClient, terminal: string): Promise<void> {
  // The first seq after the contiguous one that is missing: a gap, or the end.
  await client.query(
    `UPDATE terminals t SET contiguous_seq = (
       SELECT COALESCE(MIN(e.seq), t.contiguous_seq + 1) - 1
       FROM generate_series(t.contiguous_seq + 1, t.contiguous_seq + 1 + (
         SELECT COUNT(*) FROM events WHERE terminal = t.id AND seq > t.contiguous_seq
       )) AS e (seq)
       WHERE NOT EXISTS (SELECT 1 FROM events x WHERE x.terminal = t.id AND x.seq = e.seq)
     )
     WHERE t.id = $1`,
    [terminal],
  );
}

/** Opens the PostgreSQL store at this URL, running the migrations it has not yet run. */
export async function openPostgresStore(url: string): Promise<ServerStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (the server restarted) must not crash the process: the
  // next query gets a new connection.
  pool.on('error', () => undefined);
  await migrate(pool);
  const listeners = storedListeners();
  const listening = await listenForEvents(url, listeners);
  const query = <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
    pool.query<R>(sql, values).then((result) => result.rows);

  return {
    kind: 'postgresql',
    ...postgresStaffMethods(pool, (work) => inTransaction(pool, work)),
    ...postgresProfileMethods(pool, (work) => inTransaction(pool, work)),
    createTenant: async (tenant: TenantRow) => {
      await query('INSERT INTO tenants (id, name, created_ms) VALUES ($1, $2, $3)', [
        tenant.id,
        tenant.name,
        tenant.createdMs,
      ]);
    },
    createStore: async (store: StoreRow) => {
      const rows = await query(
        `INSERT INTO stores (id, tenant, name, created_ms)
         SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM tenants WHERE id = $2)
         RETURNING id`,
        [store.id, store.tenant, store.name, store.createdMs],
      );
      return rows.length > 0 ? store : undefined;
    },
    tenants: async () =>
      (
        await query<TenantColumns>(
          'SELECT id, name, created_ms FROM tenants ORDER BY created_ms, id',
        )
      ).map(tenantRow),
    stores: async (tenant: string) =>
      (
        await query<StoreColumns>(
          'SELECT * FROM stores WHERE tenant = $1 ORDER BY created_ms, id',
          [tenant],
        )
      ).map(storeRow),
    store: async (id: string) => {
      const [row] = await query<StoreColumns>('SELECT * FROM stores WHERE id = $1', [id]);
      return row ? storeRow(row) : undefined;
    },
    addEnrolmentCode: async (code: EnrolmentCodeRow) => {
      await query(
        `INSERT INTO enrolment_codes (code_hash, tenant, store, created_ms, expires_ms)
         VALUES ($1, $2, $3, $4, $5)`,
        [code.codeHash, code.tenant, code.store, code.createdMs, code.expiresMs],
      );
    },
    enrolTerminal: (codeHash, terminal) =>
      inTransaction(pool, async (client) => {
        const used = await client.query<{ tenant: string; store: string }>(
          `UPDATE enrolment_codes SET used_ms = $2, terminal = $3
           WHERE code_hash = $1 AND used_ms IS NULL AND expires_ms > $2
           RETURNING tenant, store`,
          [codeHash, terminal.enrolledMs, terminal.id],
        );
        const code = used.rows[0];
        if (!code) {
          const known = await client.query<{ used_ms: number | null }>(
            'SELECT used_ms FROM enrolment_codes WHERE code_hash = $1',
            [codeHash],
          );
          const row = known.rows[0];
          if (!row) return err('unknown_code' as const);
          return err(row.used_ms === null ? ('code_expired' as const) : ('code_used' as const));
        }
        const inserted = await client.query<TerminalColumns>(
          `INSERT INTO terminals (id, tenant, store, name, public_key, token_hash, enrolled_ms)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            terminal.id,
            code.tenant,
            code.store,
            terminal.name,
            terminal.publicKey,
            terminal.tokenHash,
            terminal.enrolledMs,
          ],
        );
        const row = inserted.rows[0];
        if (!row) throw new Error('The terminal just enrolled is missing.');
        return ok(terminalRow(row));
      }),
    terminalByTokenHash: async (tokenHash: string) => {
      const [row] = await query<TerminalColumns>('SELECT * FROM terminals WHERE token_hash = $1', [
        tokenHash,
      ]);
      return row ? terminalRow(row) : undefined;
    },
    terminal: async (id: string) => {
      const [row] = await query<TerminalColumns>('SELECT * FROM terminals WHERE id = $1', [id]);
      return row ? terminalRow(row) : undefined;
    },
    terminals: async (tenant?: string) =>
      (tenant === undefined
        ? await query<TerminalColumns>('SELECT * FROM terminals ORDER BY enrolled_ms, id')
        : await query<TerminalColumns>(
            'SELECT * FROM terminals WHERE tenant = $1 ORDER BY enrolled_ms, id',
            [tenant],
          )
      ).map(terminalRow),
    revokeTerminal: async (id: string, nowMs: number) =>
      (
        await query(
          'UPDATE terminals SET revoked_ms = COALESCE(revoked_ms, $2) WHERE id = $1 RETURNING id',
          [id, nowMs],
        )
      ).length > 0,
    recordSync: async (terminal: string, nowMs: number) => {
      await query('UPDATE terminals SET last_sync_ms = $2 WHERE id = $1', [terminal, nowMs]);
    },
    createAdmin: async (admin) => {
      const [tenant] = await query('SELECT 1 FROM tenants WHERE id = $1', [admin.tenant]);
      if (!tenant) return err('unknown_tenant' as const);
      const inserted = await query(
        `INSERT INTO admins (id, tenant, username, password_hash, created_ms)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [admin.id, admin.tenant, admin.username, admin.passwordHash, admin.createdMs],
      );
      return inserted.length > 0 ? ok(admin) : err('username_taken' as const);
    },
    adminByUsername: async (username) => {
      const [row] = await query<AdminColumns>('SELECT * FROM admins WHERE username = $1', [
        username,
      ]);
      return row ? adminRow(row) : undefined;
    },
    admins: async (tenant) =>
      (tenant === undefined
        ? await query<AdminColumns>('SELECT * FROM admins ORDER BY created_ms, id')
        : await query<AdminColumns>(
            'SELECT * FROM admins WHERE tenant = $1 ORDER BY created_ms, id',
            [tenant],
          )
      ).map(adminRow),
    setAdminPassword: (username, passwordHash) =>
      inTransaction(pool, async (client) => {
        const updated = await client.query<{ id: string }>(
          'UPDATE admins SET password_hash = $2 WHERE username = $1 RETURNING id',
          [username, passwordHash],
        );
        const admin = updated.rows[0];
        if (!admin) return false;
        await client.query('DELETE FROM admin_sessions WHERE admin = $1', [admin.id]);
        return true;
      }),
    createAdminSession: async (session) => {
      await query('DELETE FROM admin_sessions WHERE expires_ms <= $1', [session.createdMs]);
      await query(
        'INSERT INTO admin_sessions (id_hash, admin, created_ms, expires_ms) VALUES ($1, $2, $3, $4)',
        [session.idHash, session.admin, session.createdMs, session.expiresMs],
      );
    },
    adminBySession: async (idHash, nowMs) => {
      const [row] = await query<AdminColumns>(
        `SELECT a.* FROM admin_sessions s JOIN admins a ON a.id = s.admin
         WHERE s.id_hash = $1 AND s.expires_ms > $2`,
        [idHash, nowMs],
      );
      return row ? adminRow(row) : undefined;
    },
    deleteAdminSession: async (idHash) => {
      await query('DELETE FROM admin_sessions WHERE id_hash = $1', [idHash]);
    },
    countLoginAttempt: async (username, nowMs, windowMs) => {
      const [row] = await query<LoginAttemptColumns>(
        `INSERT INTO login_failures AS f (username, count, first_ms, last_ms) VALUES ($1, 1, $2, $2)
         ON CONFLICT (username) DO UPDATE SET
           count = CASE WHEN f.first_ms <= $3 THEN 1 ELSE f.count + 1 END,
           first_ms = CASE WHEN f.first_ms <= $3 THEN $2 ELSE f.first_ms END,
           last_ms = $2
         RETURNING count, first_ms, last_ms`,
        [username, nowMs, nowMs - windowMs],
      );
      if (!row) throw new Error('The login attempt just counted is missing.');
      return loginAttempts(row);
    },
    loginAttempts: async (username) => {
      const [row] = await query<LoginAttemptColumns>(
        'SELECT count, first_ms, last_ms FROM login_failures WHERE username = $1',
        [username],
      );
      return row ? loginAttempts(row) : undefined;
    },
    clearLoginAttempts: async (username) => {
      await query('DELETE FROM login_failures WHERE username = $1', [username]);
    },
    insertEvents: (events) => insertWithRetry(pool, events),
    highestContiguousSeq: async (terminal: string) => {
      const [row] = await query<{ contiguous_seq: number }>(
        'SELECT contiguous_seq FROM terminals WHERE id = $1',
        [terminal],
      );
      return row?.contiguous_seq ?? 0;
    },
    eventsAfter: (tenant: string, position: number, limit: number) =>
      query<{ position: number; body: string }>(
        'SELECT position, body FROM events WHERE tenant = $1 AND position > $2 ORDER BY position LIMIT $3',
        [tenant, position, limit],
      ),
    newestPosition: async (tenant: string) => {
      const [row] = await query<{ last_position: number }>(
        'SELECT last_position FROM tenants WHERE id = $1',
        [tenant],
      );
      return row?.last_position ?? 0;
    },
    onEventsStored: (listener) => listeners.add(listener),
    close: async () => {
      await listening.close();
      await pool.end();
    },
  };
}
