/**
 * The SQLite schema as numbered migrations; `PRAGMA user_version` says how many ran.
 * Never edit a migration that shipped: add the next one.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: tenants, stores, enrolment codes, terminals, events.
  `
  CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    -- the last position given to one of the tenant's events: pulls go on by position
    last_position INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE stores (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL REFERENCES tenants (id),
    name TEXT NOT NULL,
    created_ms INTEGER NOT NULL
  );
  CREATE INDEX stores_by_tenant ON stores (tenant);
  CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    tenant TEXT NOT NULL REFERENCES tenants (id),
    store TEXT NOT NULL REFERENCES stores (id),
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL,
    used_ms INTEGER,
    terminal TEXT
  );
  CREATE TABLE terminals (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL REFERENCES tenants (id),
    store TEXT NOT NULL REFERENCES stores (id),
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_ms INTEGER NOT NULL,
    last_sync_ms INTEGER,
    revoked_ms INTEGER,
    -- every event of the terminal up to this seq is stored
    contiguous_seq INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX terminals_by_tenant ON terminals (tenant);
  CREATE TABLE events (
    tenant TEXT NOT NULL,
    position INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    terminal TEXT NOT NULL,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tenant, position),
    UNIQUE (terminal, seq)
  ) WITHOUT ROWID;
  `,
  // 2: HQ's administrators, their sessions, and wrong passwords per user name.
  `
  CREATE TABLE admins (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL REFERENCES tenants (id),
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_ms INTEGER NOT NULL
  );
  CREATE INDEX admins_by_tenant ON admins (tenant);
  CREATE TABLE admin_sessions (
    id_hash TEXT PRIMARY KEY,
    admin TEXT NOT NULL REFERENCES admins (id) ON DELETE CASCADE,
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL
  );
  CREATE INDEX admin_sessions_by_expiry ON admin_sessions (expires_ms);
  CREATE TABLE login_failures (
    username TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    first_ms INTEGER NOT NULL,
    last_ms INTEGER NOT NULL
  );
  `,
  // 3: the store's staff list (one record per person, last writer wins by changed_at, an
  // HLC string compared byte by byte) and its audit (append-only, idempotent by id).
  `
  CREATE TABLE staff (
    tenant TEXT NOT NULL,
    store TEXT NOT NULL,
    id TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tenant, store, id)
  ) WITHOUT ROWID;
  CREATE TABLE staff_audit (
    tenant TEXT NOT NULL,
    store TEXT NOT NULL,
    id TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tenant, store, id)
  ) WITHOUT ROWID;
  `,
  // 4: member profiles beside the ledger (docs/decisions/0008-member-profiles.md): one
  // record per member, merged per field; each change takes the tenant's next profile
  // position, which pulls go on after. Only `body` holds personal data.
  `
  ALTER TABLE tenants ADD COLUMN last_profile_position INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE member_profiles (
    tenant TEXT NOT NULL,
    member TEXT NOT NULL,
    position INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tenant, member)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX member_profiles_by_position ON member_profiles (tenant, position);
  `,
];
