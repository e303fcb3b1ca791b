/**
 * What the sync server keeps, behind one interface with two implementations that pass
 * the same tests: SQLite (the embedded default) and PostgreSQL (DATABASE_URL). Nothing a
 * second server instance would need lives in memory: every method reads or writes the
 * database.
 */
import type { Result } from '../../shared/result';
import type { ProfileRecord } from '../../shared/profiles/profile-record';
import type { StaffAuditEntry, StaffList, StaffRecord } from '../../shared/sync/staff-protocol';

export interface TenantRow {
  readonly id: string;
  readonly name: string;
  readonly createdMs: number;
}

export interface StoreRow {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly createdMs: number;
}

export interface TerminalRow {
  readonly id: string;
  readonly tenant: string;
  readonly store: string;
  readonly name: string;
  /** Ed25519 public key, base64url of the raw 32 bytes. */
  readonly publicKey: string;
  /** SHA-256 of the bearer token, hex: the token itself is never stored. */
  readonly tokenHash: string;
  readonly enrolledMs: number;
  readonly lastSyncMs: number | undefined;
  readonly revokedMs: number | undefined;
}

export interface EnrolmentCodeRow {
  /** SHA-256 of the code, hex. */
  readonly codeHash: string;
  readonly tenant: string;
  readonly store: string;
  readonly createdMs: number;
  readonly expiresMs: number;
}

/** An administrator of one tenant, who signs in to HQ in a browser. */
export interface AdminRow {
  readonly id: string;
  readonly tenant: string;
  /** Lower case, unique across the server: the name typed at the login. */
  readonly username: string;
  /** scrypt with its parameters and salt (server/hq/passwords.ts): never the password. */
  readonly passwordHash: string;
  readonly createdMs: number;
}

export interface AdminSessionRow {
  /** SHA-256 of the session id, hex: the id itself lives only in the browser's cookie. */
  readonly idHash: string;
  readonly admin: string;
  readonly createdMs: number;
  readonly expiresMs: number;
}

/** Login attempts for one user name since `firstMs` (the throttle's window). */
export interface LoginAttempts {
  readonly count: number;
  readonly firstMs: number;
  readonly lastMs: number;
}

export type AdminRefusal = 'unknown_tenant' | 'username_taken';

export type EnrolmentRefusal = 'unknown_code' | 'code_used' | 'code_expired';

/** An event as the server stores it: the fields it looks up by, and its canonical JSON. */
export interface EventRecord {
  readonly id: string;
  readonly tenant: string;
  readonly terminal: string;
  readonly seq: number;
  /** RFC 8785 canonical JSON of the whole signed event: compared for duplicates, served as is. */
  readonly body: string;
}

/**
 * What became of each event of a batch, in the batch's order: stored now; stored before
 * with the same content; an id stored before with other content; a `seq` of the terminal
 * that another event holds.
 */
export type InsertOutcome = 'accepted' | 'duplicate' | 'id_conflict' | 'seq_conflict';

export interface StoredEvent {
  /** Where the event stands in its tenant's server order; pulls go on after it. */
  readonly position: number;
  readonly body: string;
}

/** A member's profile record and where it stands in its tenant's order of profile changes. */
export interface StoredProfile {
  readonly position: number;
  readonly record: ProfileRecord;
}

export interface ServerStore {
  readonly kind: 'sqlite' | 'postgresql';

  createTenant(tenant: TenantRow): Promise<void>;
  /** Undefined when the tenant does not exist. */
  createStore(store: StoreRow): Promise<StoreRow | undefined>;
  tenants(): Promise<TenantRow[]>;
  stores(tenant: string): Promise<StoreRow[]>;
  store(id: string): Promise<StoreRow | undefined>;

  addEnrolmentCode(code: EnrolmentCodeRow): Promise<void>;
  /**
   * Uses the code once, atomically: two terminals racing with one code cannot both
   * enrol. The terminal row gets the code's tenant and store.
   */
  enrolTerminal(
    codeHash: string,
    terminal: Omit<TerminalRow, 'tenant' | 'store' | 'lastSyncMs' | 'revokedMs'>,
  ): Promise<Result<TerminalRow, EnrolmentRefusal>>;
  terminalByTokenHash(tokenHash: string): Promise<TerminalRow | undefined>;
  terminal(id: string): Promise<TerminalRow | undefined>;
  terminals(tenant?: string): Promise<TerminalRow[]>;
  /** False when there is no such terminal. */
  revokeTerminal(id: string, nowMs: number): Promise<boolean>;
  recordSync(terminal: string, nowMs: number): Promise<void>;

  /** An HQ administrator; refused when the tenant is unknown or the name is taken. */
  createAdmin(admin: AdminRow): Promise<Result<AdminRow, AdminRefusal>>;
  adminByUsername(username: string): Promise<AdminRow | undefined>;
  admins(tenant?: string): Promise<AdminRow[]>;
  /** A new password; ends every session of the admin. False when there is no such admin. */
  setAdminPassword(username: string, passwordHash: string): Promise<boolean>;
  /** Keeps a new session, and forgets sessions that expired. */
  createAdminSession(session: AdminSessionRow): Promise<void>;
  /** The admin whose session this is, while it has not expired at `nowMs`. */
  adminBySession(idHash: string, nowMs: number): Promise<AdminRow | undefined>;
  deleteAdminSession(idHash: string): Promise<void>;
  /**
   * Counts a login attempt for the user name, atomically (one upsert, so parallel
   * attempts on several server instances each get their own count) and before its
   * password is checked: a count whose window (`windowMs` from its first attempt) has
   * passed starts again at 1. Says the count now, this attempt included.
   */
  countLoginAttempt(username: string, nowMs: number, windowMs: number): Promise<LoginAttempts>;
  loginAttempts(username: string): Promise<LoginAttempts | undefined>;
  /** After a right password: the name starts afresh. */
  clearLoginAttempts(username: string): Promise<void>;

  /** Stores the new events of a batch in one transaction; says what became of each. */
  insertEvents(events: readonly EventRecord[]): Promise<InsertOutcome[]>;
  /** The highest `seq` up to which every event of the terminal is stored (0 when none). */
  highestContiguousSeq(terminal: string): Promise<number>;
  /** The tenant's events after a position, in server order. */
  eventsAfter(tenant: string, position: number, limit: number): Promise<StoredEvent[]>;
  /** The tenant's newest position (0 when it has no events). */
  newestPosition(tenant: string): Promise<number>;
  /**
   * Calls `listener` with the tenant whenever new events of it were committed, by this
   * server instance or (on PostgreSQL, through LISTEN/NOTIFY) by any other. Returns the
   * way to stop listening.
   */
  onEventsStored(listener: (tenant: string) => void): () => void;

  /**
   * Keeps, per record of the store, the newer version (by `changedAt`; an equal or older
   * one changes nothing) and each audit entry once (a known id changes nothing), in one
   * transaction.
   */
  saveStaff(
    tenant: string,
    store: string,
    records: readonly StaffRecord[],
    audit: readonly StaffAuditEntry[],
  ): Promise<void>;
  /** The store's staff records (removed ones included) by id, and its audit, oldest first. */
  staffOf(tenant: string, store: string): Promise<StaffList>;

  /**
   * Merges each profile record with the one held (shared/profiles/merge-profiles.ts), in
   * one transaction; a record that changes takes the tenant's next profile position. Says
   * how many changed. Once it has answered, the values an erasure removed are gone from
   * the database's files, not only from its tables (docs/decisions/0008-member-profiles.md).
   */
  saveProfiles(tenant: string, records: readonly ProfileRecord[]): Promise<number>;
  /** The tenant's profile records changed after a position, in the order they changed. */
  profilesAfter(tenant: string, position: number, limit: number): Promise<StoredProfile[]>;
  /** The tenant's newest profile position (0 when none changed yet). */
  newestProfilePosition(tenant: string): Promise<number>;

  close(): Promise<void>;
}
