/**
 * `npm start`'s HQ login: `demo`, for the demo tenant, with a password generated at each
 * start and printed on the console (no fixed password lives in the repository).
 */
import { createAdmin, resetAdminPassword } from '../hq/admin-accounts';
import type { ServerStore } from '../store/server-store';

export const DEMO_ADMIN = 'demo';

/** The demo login's fresh password; made for `tenant` when there is none yet. */
export async function demoAdminPassword(
  store: ServerStore,
  tenant: string,
  nowMs: number,
): Promise<string> {
  const reset = await resetAdminPassword(store, DEMO_ADMIN);
  if (reset !== undefined) return reset;
  const created = await createAdmin(store, tenant, DEMO_ADMIN, nowMs);
  if (!created.ok) throw new Error(`The demo HQ login could not be made: ${created.error}.`);
  return created.value.password;
}
