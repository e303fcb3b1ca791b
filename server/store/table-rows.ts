/** The tables' columns as both databases return them, and the rows the store interface speaks. */
import type { AdminRow, LoginAttempts, StoreRow, TenantRow, TerminalRow } from './server-store';

export interface TenantColumns {
  id: string;
  name: string;
  created_ms: number;
}

export interface StoreColumns {
  id: string;
  tenant: string;
  name: string;
  created_ms: number;
}

export interface TerminalColumns {
  id: string;
  tenant: string;
  store: string;
  name: string;
  public_key: string;
  token_hash: string;
  enrolled_ms: number;
  last_sync_ms: number | null;
  revoked_ms: number | null;
}

export const tenantRow = (row: TenantColumns): TenantRow => ({
  id: row.id,
  name: row.name,
  createdMs: row.created_ms,
});

export const storeRow = (row: StoreColumns): StoreRow => ({
  id: row.id,
  tenant: row.tenant,
  name: row.name,
  createdMs: row.created_ms,
});

export const terminalRow = (row: TerminalColumns): TerminalRow => ({
  id: row.id,
  tenant: row.tenant,
  store: row.store,
  name: row.name,
  publicKey: row.public_key,
  tokenHash: row.token_hash,
  enrolledMs: row.enrolled_ms,
  lastSyncMs: row.last_sync_ms ?? undefined,
  revokedMs: row.revoked_ms ?? undefined,
});

export interface AdminColumns {
  id: string;
  tenant: string;
  username: string;
  password_hash: string;
  created_ms: number;
}

export const adminRow = (row: AdminColumns): AdminRow => ({
  id: row.id,
  tenant: row.tenant,
  username: row.username,
  passwordHash: row.password_hash,
  createdMs: row.created_ms,
});

export interface LoginAttemptColumns {
  count: number;
  first_ms: number;
  last_ms: number;
}

export const loginAttempts = (row: LoginAttemptColumns): LoginAttempts => ({
  count: row.count,
  firstMs: row.first_ms,
  lastMs: row.last_ms,
});
