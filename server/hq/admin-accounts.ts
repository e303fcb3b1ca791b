/**
 * HQ's administrators: one tenant each, a user name unique on the server, a generated
 * password shown once (the CLI and npm start print it; the server keeps only its hash).
 */
import { randomSymbols, CROCKFORD_LOWER } from '../../shared/ids';
import { err, ok, type Result } from '../../shared/result';
import type { AdminRefusal, AdminRow, ServerStore } from '../store/server-store';
import { hashPassword, newPassword } from './passwords';

/** User names are compared in lower case, without surrounding spaces. */
export const normaliseUsername = (username: string): string => username.trim().toLowerCase();

const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,79}$/u;

export type CreateAdminRefusal = AdminRefusal | 'bad_username';

export interface NewAdmin {
  readonly admin: AdminRow;
  /** Shown once. */
  readonly password: string;
}

export async function createAdmin(
  store: ServerStore,
  tenant: string,
  username: string,
  nowMs: number,
): Promise<Result<NewAdmin, CreateAdminRefusal>> {
  const name = normaliseUsername(username);
  if (!USERNAME.test(name)) return err('bad_username');
  const password = newPassword();
  const created = await store.createAdmin({
    id: `adm_${randomSymbols(CROCKFORD_LOWER, 20)}`,
    tenant,
    username: name,
    passwordHash: await hashPassword(password),
    createdMs: nowMs,
  });
  return created.ok ? ok({ admin: created.value, password }) : err(created.error);
}

/** A new generated password for the admin; ends its sessions. Undefined when unknown. */
export async function resetAdminPassword(
  store: ServerStore,
  username: string,
): Promise<string | undefined> {
  const password = newPassword();
  const changed = await store.setAdminPassword(
    normaliseUsername(username),
    await hashPassword(password),
  );
  return changed ? password : undefined;
}
