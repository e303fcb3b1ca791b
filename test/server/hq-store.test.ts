/**
 * HQ's part of the server store on SQLite and PostgreSQL (the same tests for both):
 * admins and their refusals, sessions that expire and end with a new password, and the
 * count of login attempts with its window. Besides: scrypt hashes and the admin CLI (the CSV format is
 * test/shared/csv.test.ts's).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminCli } from '../../server/cli/admin-cli';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { createAdmin, resetAdminPassword } from '../../server/hq/admin-accounts';
import { hashPassword, newPassword, verifyPassword } from '../../server/hq/passwords';
import type { ServerStore } from '../../server/store/server-store';
import {
  postgresKind,
  sqliteKind,
  type OpenedStore,
  type StoreKind,
} from '../support/server-stores';

const NOW = Date.UTC(2026, 10, 24, 9);

function describeHqStore(kind: StoreKind) {
  describe(`HQ store on ${kind.name}`, () => {
    let opened: OpenedStore;
    let store: ServerStore;

    beforeEach(async () => {
      opened = await kind.open();
      store = opened.store;
      await store.createTenant({ id: 'ten_a', name: 'A', createdMs: NOW });
      await store.createTenant({ id: 'ten_b', name: 'B', createdMs: NOW + 1 });
    });
    afterEach(async () => {
      await opened.dispose();
    });

    it('keeps admins with unique names in a known tenant', async () => {
      const anna = await createAdmin(store, 'ten_a', ' Anna ', NOW);
      expect(anna.ok && anna.value.admin).toMatchObject({ tenant: 'ten_a', username: 'anna' });
      expect(await createAdmin(store, 'ten_b', 'ANNA', NOW)).toEqual({
        ok: false,
        error: 'username_taken',
      });
      expect(await createAdmin(store, 'ten_nope', 'carl', NOW)).toEqual({
        ok: false,
        error: 'unknown_tenant',
      });
      expect(await createAdmin(store, 'ten_a', 'no spaces', NOW)).toEqual({
        ok: false,
        error: 'bad_username',
      });
      await createAdmin(store, 'ten_b', 'bob', NOW + 1);
      expect((await store.admins()).map((a) => a.username)).toEqual(['anna', 'bob']);
      expect((await store.admins('ten_b')).map((a) => a.username)).toEqual(['bob']);
      const stored = await store.adminByUsername('anna');
      expect(stored?.passwordHash).toMatch(/^scrypt\$/);
      if (!anna.ok) throw new Error('anna');
      expect(stored?.passwordHash).not.toContain(anna.value.password);
      expect(await verifyPassword(anna.value.password, stored?.passwordHash ?? '')).toBe(true);
    });

    it('finds a session until it expires, and ends it on logout or a new password', async () => {
      const anna = await createAdmin(store, 'ten_a', 'anna', NOW);
      if (!anna.ok) throw new Error('anna');
      const session = { admin: anna.value.admin.id, createdMs: NOW, expiresMs: NOW + 1000 };
      await store.createAdminSession({ ...session, idHash: 's1' });
      await store.createAdminSession({ ...session, idHash: 's2' });
      expect((await store.adminBySession('s1', NOW + 999))?.username).toBe('anna');
      expect(await store.adminBySession('s1', NOW + 1000)).toBeUndefined();
      expect(await store.adminBySession('nope', NOW)).toBeUndefined();
      await store.deleteAdminSession('s1');
      expect(await store.adminBySession('s1', NOW)).toBeUndefined();
      expect(await store.adminBySession('s2', NOW)).toBeDefined();
      const password = await resetAdminPassword(store, 'Anna');
      expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
      expect(await store.adminBySession('s2', NOW)).toBeUndefined();
      expect(
        await verifyPassword(
          password ?? '',
          (await store.adminByUsername('anna'))?.passwordHash ?? '',
        ),
      ).toBe(true);
      expect(await resetAdminPassword(store, 'nobody')).toBeUndefined();
      // A new session sweeps the expired ones away.
      await store.createAdminSession({
        ...session,
        idHash: 's3',
        createdMs: NOW + 5000,
        expiresMs: NOW + 9000,
      });
      expect(await store.adminBySession('s3', NOW + 5000)).toBeDefined();
    });

    it('counts parallel login attempts atomically: each gets a count of its own', async () => {
      const counts = await Promise.all(
        Array.from({ length: 20 }, () => store.countLoginAttempt('anna', NOW, 60_000)),
      );
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect(await store.loginAttempts('anna')).toMatchObject({ count: 20, firstMs: NOW });
    });

    it('counts login attempts per name within a window, and forgets them', async () => {
      expect(await store.loginAttempts('anna')).toBeUndefined();
      expect(await store.countLoginAttempt('anna', NOW, 1000)).toEqual({
        count: 1,
        firstMs: NOW,
        lastMs: NOW,
      });
      expect(await store.countLoginAttempt('anna', NOW + 500, 1000)).toEqual({
        count: 2,
        firstMs: NOW,
        lastMs: NOW + 500,
      });
      expect(await store.countLoginAttempt('bob', NOW + 500, 1000)).toMatchObject({ count: 1 });
      // The window has passed since the first: counting starts again.
      expect(await store.countLoginAttempt('anna', NOW + 1000, 1000)).toEqual({
        count: 1,
        firstMs: NOW + 1000,
        lastMs: NOW + 1000,
      });
      await store.clearLoginAttempts('anna');
      expect(await store.loginAttempts('anna')).toBeUndefined();
      expect(await store.loginAttempts('bob')).toMatchObject({ count: 1 });
    });
  });
}

describeHqStore(sqliteKind);
const postgres = postgresKind();
if (postgres.missing === undefined) {
  beforeAll(() => postgres.setUp());
  afterAll(() => postgres.tearDown());
  describeHqStore(postgres);
} else {
  describe('HQ store on PostgreSQL', () => {
    it.skip(`skipped: ${postgres.missing}`, () => undefined);
  });
}

describe('passwords', () => {
  it('hashes with a salt, verifies the right password only, and reads no foreign hash', async () => {
    const password = newPassword();
    const [one, two] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(one).not.toBe(two);
    expect(await verifyPassword(password, one)).toBe(true);
    expect(await verifyPassword(`${password}x`, one)).toBe(false);
    expect(await verifyPassword(password, 'plain text')).toBe(false);
    expect(newPassword()).not.toBe(password);
  });
});

describe('admin command line for HQ logins', () => {
  it('creates a login with a password shown once, lists it, gives it a new password', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'treu-hq-cli-'));
    const run = async (...argv: string[]) => {
      const lines: string[] = [];
      const code = await adminCli([...argv, '--data', folder], {}, (line) => lines.push(line));
      return { code, text: lines.join('\n') };
    };
    try {
      const tenant = /ten_[0-9a-z]+/.exec((await run('tenant', 'create', 'Café')).text)?.[0] ?? '';
      const created = await run('admin', 'create', tenant, 'Owner');
      expect(created.code).toBe(0);
      const password = /password (\S+)/.exec(created.text)?.[1] ?? '';
      expect((await run('admins')).text).toContain(`owner  tenant ${tenant}`);
      expect((await run('admin', 'create', tenant, 'owner')).text).toContain('taken already');
      expect((await run('admin', 'create', 'ten_nope', 'x1')).code).toBe(2);
      const reset = await run('admin', 'password', 'owner');
      const fresh = /password for owner: (\S+)/.exec(reset.text)?.[1] ?? '';
      expect(fresh).not.toBe(password);
      const store = openSqliteStore(join(folder, 'treu.sqlite'));
      const hash = (await store.adminByUsername('owner'))?.passwordHash ?? '';
      await store.close();
      expect(await verifyPassword(fresh, hash)).toBe(true);
      expect(await verifyPassword(password, hash)).toBe(false);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
