/**
 * What a franchise's administrator sets up on the server (the command-line tool, tests
 * and the demo use these): tenants, their stores, one-time enrolment codes, revocation.
 */
import { newId } from '../../shared/ids';
import { err, ok, type Result } from '../../shared/result';
import type { ServerStore, StoreRow, TenantRow } from '../store/server-store';
import { hashSecret, newEnrolmentCode, normaliseCode } from '../sync/secrets';

/** How long an enrolment code can be used, unless the administrator says otherwise. */
export const CODE_VALID_MS = 24 * 60 * 60 * 1000;

export async function createTenant(
  store: ServerStore,
  name: string,
  nowMs: number,
): Promise<TenantRow> {
  const tenant = { id: newId('tenant'), name, createdMs: nowMs };
  await store.createTenant(tenant);
  return tenant;
}

export async function createStore(
  store: ServerStore,
  tenant: string,
  name: string,
  nowMs: number,
): Promise<Result<StoreRow, 'unknown_tenant'>> {
  const created = await store.createStore({ id: newId('store'), tenant, name, createdMs: nowMs });
  return created ? ok(created) : err('unknown_tenant');
}

export interface EnrolmentCode {
  /** Shown once: the server keeps only its hash. */
  readonly code: string;
  readonly store: StoreRow;
  readonly expiresMs: number;
}

export async function makeEnrolmentCode(
  store: ServerStore,
  storeId: string,
  nowMs: number,
  validMs = CODE_VALID_MS,
): Promise<Result<EnrolmentCode, 'unknown_store'>> {
  const shop = await store.store(storeId);
  if (!shop) return err('unknown_store');
  const code = newEnrolmentCode();
  const expiresMs = nowMs + validMs;
  await store.addEnrolmentCode({
    codeHash: hashSecret(normaliseCode(code)),
    tenant: shop.tenant,
    store: shop.id,
    createdMs: nowMs,
    expiresMs,
  });
  return ok({ code, store: shop, expiresMs });
}
