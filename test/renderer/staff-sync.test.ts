/**
 * The store's staff list shared by its terminals through the real server (SQLite, real
 * HTTP), each terminal on its own fake-indexeddb with the real staff actions, sign-in and
 * sync client: someone added on one terminal signs in on the other; a removal on one
 * stops sign-in on the other; concurrent offline changes of one person converge to the
 * same record everywhere; the audit of both terminals is on both, each entry once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addStaff,
  changeStaffRole,
  removeStaff,
  resetStaffPin,
} from '../../renderer/manager/staff/staff-actions';
import type { StaffRow } from '../../renderer/storage/rows';
import { signIn, type Session } from '../../renderer/terminal/sign-in';
import { createStore, createTenant } from '../../server/admin/tenancy';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { ServerStore } from '../../server/store/server-store';
import { startSyncServer, type RunningServer } from '../support/sync-harness';
import { enrolledTerminal, type SyncTerminal } from '../support/sync-terminals';
import { MANAGER_PIN, START_MS } from '../support/terminal-setup';

const withoutPending = ({ pending: _p, ...record }: StaffRow) => record;

describe('the store’s staff list on two terminals', () => {
  let store: ServerStore;
  let folder: string;
  let server: RunningServer;
  let shop: { tenant: string; store: string };
  let a: SyncTerminal;
  let b: SyncTerminal;
  let managerA: Session;
  let managerB: Session;
  const now = START_MS + 60_000;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'treu-staff-sync-'));
    store = openSqliteStore(join(folder, 'treu.sqlite'));
    server = await startSyncServer(store, () => now);
    const tenant = await createTenant(store, 'Café Staff', START_MS);
    const created = await createStore(store, tenant.id, 'Main Street', START_MS);
    if (!created.ok) throw new Error(created.error);
    shop = { tenant: tenant.id, store: created.value.id };
    a = await enrolledTerminal(server.url, store, shop.store, 'A', START_MS);
    b = await enrolledTerminal(server.url, store, shop.store, 'B', START_MS);
    managerA = a.at(now).session;
    managerB = b.at(now).session;
    await a.sync(now);
    await b.sync(now);
    await a.sync(now);
  });

  afterEach(async () => {
    await server.close();
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });

  const listOf = async (terminal: SyncTerminal) =>
    (await terminal.db.staff.orderBy('id').toArray()).map(withoutPending);
  const logOf = async (terminal: SyncTerminal) =>
    (await terminal.db.staffLog.orderBy('id').toArray()).map(({ pending: _p, ...e }) => e);

  it('hands each terminal’s first-run manager to the store, named on both', async () => {
    expect((await listOf(a)).map((r) => r.name)).toEqual(['Mara', 'Mara']);
    expect(await listOf(b)).toEqual(await listOf(a));
    expect((await store.staffOf(shop.tenant, shop.store)).staff).toEqual(await listOf(a));
    // B's manager signs in on A with B's PIN.
    expect(await signIn(a.db, managerB.staff, MANAGER_PIN, now)).toMatchObject({ ok: true });
    expect(await a.db.staff.where('pending').equals(1).count()).toBe(0);
  });

  it('lets a cashier added on A sign in on B after a sync, and a removal on B stop it on A', async () => {
    const ben = await addStaff(a.db, managerA, { name: 'Ben', role: 'cashier', pin: '1357' }, now);
    if (!ben.ok) throw new Error(ben.error.code);
    expect(await signIn(b.db, ben.value.id, '1357', now)).toMatchObject({
      ok: false,
      error: { code: 'unknown_staff' },
    });
    await a.sync(now);
    await b.sync(now);
    expect(await signIn(b.db, ben.value.id, '1357', now)).toMatchObject({
      ok: true,
      value: { name: 'Ben', role: 'cashier' },
    });

    expect((await removeStaff(b.db, managerB, ben.value.id, now + 1)).ok).toBe(true);
    expect((await signIn(a.db, ben.value.id, '1357', now + 2)).ok).toBe(true);
    await b.sync(now + 2);
    await a.sync(now + 2);
    expect(await signIn(a.db, ben.value.id, '1357', now + 3)).toMatchObject({
      ok: false,
      error: { code: 'unknown_staff' },
    });
    expect(await a.db.staff.get(ben.value.id)).toMatchObject({ name: 'Ben', removedMs: now + 1 });
  });

  it('converges concurrent offline changes of one person to the same record everywhere, a removal for good', async () => {
    const ben = await addStaff(a.db, managerA, { name: 'Ben', role: 'cashier', pin: '1357' }, now);
    if (!ben.ok) throw new Error(ben.error.code);
    await a.sync(now);
    await b.sync(now);
    // Offline: A makes Ben manager, B resets his PIN a little later; then A removes him,
    // B makes him manager too. B's last change is the newest, but A's removal stands.
    expect((await changeStaffRole(a.db, managerA, ben.value.id, 'manager', now + 10)).ok).toBe(
      true,
    );
    expect((await resetStaffPin(b.db, managerB, ben.value.id, '8642', now + 20)).ok).toBe(true);
    expect((await removeStaff(a.db, managerA, ben.value.id, now + 30)).ok).toBe(true);
    expect((await changeStaffRole(b.db, managerB, ben.value.id, 'manager', now + 40)).ok).toBe(
      true,
    );
    const newest = withoutPending((await b.db.staff.get(ben.value.id)) as StaffRow);
    // Delivered in the other order than they were made: A's older changes last.
    await b.sync(now + 50);
    await a.sync(now + 50);
    await b.sync(now + 50);
    const onA = (await listOf(a)).find((r) => r.id === ben.value.id);
    expect(onA).toEqual({ ...newest, removedMs: now + 30 });
    expect(await listOf(a)).toEqual(await listOf(b));
    expect((await store.staffOf(shop.tenant, shop.store)).staff).toEqual(await listOf(a));
    for (const terminal of [a, b]) {
      expect(await signIn(terminal.db, ben.value.id, '8642', now + 60)).toMatchObject({
        ok: false,
        error: { code: 'unknown_staff' },
      });
    }
    expect(await a.db.staff.where('pending').equals(1).count()).toBe(0);
    expect(await b.db.staff.where('pending').equals(1).count()).toBe(0);
  });

  it('keeps a change made while its sync was under way, and sends it next time', async () => {
    const ben = await addStaff(a.db, managerA, { name: 'Ben', role: 'cashier', pin: '1357' }, now);
    if (!ben.ok) throw new Error(ben.error.code);
    const realFetch = globalThis.fetch;
    let changed = false;
    // The manager changes Ben's role just as the push of his addition goes out.
    globalThis.fetch = async (input, init) => {
      if (
        !changed &&
        typeof input === 'string' &&
        input.endsWith('/v1/staff') &&
        init?.method === 'POST'
      ) {
        changed = true;
        const result = await changeStaffRole(a.db, managerA, ben.value.id, 'manager', now + 1);
        if (!result.ok) throw new Error(result.error.code);
      }
      return realFetch(input, init);
    };
    try {
      await a.sync(now + 2);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(changed).toBe(true);
    expect(await a.db.staff.get(ben.value.id)).toMatchObject({ role: 'manager' });
    await a.sync(now + 3);
    await b.sync(now + 3);
    expect(await b.db.staff.get(ben.value.id)).toMatchObject({ role: 'manager', pending: 0 });
    expect(await a.db.staff.where('pending').equals(1).count()).toBe(0);
  });

  it('puts the audit of both terminals on both, each entry once', async () => {
    const ben = await addStaff(a.db, managerA, { name: 'Ben', role: 'cashier', pin: '1357' }, now);
    const cy = await addStaff(
      b.db,
      managerB,
      { name: 'Cy', role: 'cashier', pin: '2468' },
      now + 1,
    );
    if (!ben.ok || !cy.ok) throw new Error('add');
    await a.sync(now + 2);
    await b.sync(now + 2);
    await a.sync(now + 2);
    // Synced again, twice: nothing doubles.
    await b.sync(now + 3);
    await a.sync(now + 3);
    const log = await logOf(a);
    // Both first-run managers' entries, and Ben's and Cy's.
    expect(log.map((e) => e.staff).sort()).toEqual(
      [managerA.staff, managerB.staff, ben.value.id, cy.value.id].sort(),
    );
    expect(await logOf(b)).toEqual(log);
    expect((await store.staffOf(shop.tenant, shop.store)).audit).toHaveLength(4);
    expect(await a.db.staffLog.where('pending').equals(1).count()).toBe(0);
  });
});
