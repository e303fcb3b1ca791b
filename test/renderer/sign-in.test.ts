/** Staff sign-in with PINs: hashing, the first run's manager, and the pad's lockout. */
import { describe, expect, it } from 'vitest';
import { readMeta } from '../../renderer/storage/meta';
import { LOCKOUT_POLICY } from '../../renderer/terminal/lockout';
import { hashPin, pinMatches } from '../../renderer/terminal/pin';
import { setUpTerminal } from '../../renderer/terminal/first-run';
import { signIn } from '../../renderer/terminal/sign-in';
import { testDatabase } from '../support/stored-projection';
import { MANAGER_PIN, setUpTestTerminal, START_MS } from '../support/terminal-setup';

const managerOf = async (t: Awaited<ReturnType<typeof setUpTestTerminal>>) => {
  const [manager] = await t.db.staff.toArray();
  if (!manager) throw new Error('no manager');
  return manager;
};

describe('PINs', () => {
  it('keeps only a salted PBKDF2 hash that matches the PIN and nothing else', async () => {
    const hash = await hashPin('1234', 1_000);
    expect(JSON.stringify(hash)).not.toContain('1234');
    expect(await pinMatches('1234', hash)).toBe(true);
    expect(await pinMatches('1235', hash)).toBe(false);
    expect((await hashPin('1234', 1_000)).salt).not.toBe(hash.salt);
  });
});

describe('first run', () => {
  it('creates the store, the manager, the identity and the default program once', async () => {
    const t = await setUpTestTerminal();
    expect((await managerOf(t)).role).toBe('manager');
    expect(await t.db.programs.get('prg_coffee')).toMatchObject({
      name: 'Coffee card',
      rules: { rewards: [{ cost: 10, name: 'Free coffee' }] },
    });
    const identity = await readMeta(t.db, 'identity');
    expect(identity?.privateKey.extractable).toBe(false);
    const again = await setUpTerminal(t.db, {
      storeName: 'Other',
      managerName: 'Max',
      managerPin: '1111',
      language: 'de',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
  });

  it('refuses a bad store name, manager name or PIN and stores nothing', async () => {
    const db = testDatabase();
    const input = {
      storeName: 'Café',
      managerName: 'Mara',
      managerPin: '2468',
      language: 'en',
    } as const;
    expect(await setUpTerminal(db, { ...input, storeName: '  ' })).toMatchObject({
      error: { code: 'store_name' },
    });
    expect(await setUpTerminal(db, { ...input, managerName: '' })).toMatchObject({
      error: { code: 'manager_name' },
    });
    expect(await setUpTerminal(db, { ...input, managerPin: '12a4' })).toMatchObject({
      error: { code: 'pin_format' },
    });
    expect(await setUpTerminal(db, { ...input, managerPin: '123' })).toMatchObject({
      error: { code: 'pin_format' },
    });
    expect(await db.meta.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });
});

describe('sign-in', () => {
  it('signs the manager in with the right PIN', async () => {
    const t = await setUpTestTerminal();
    const manager = await managerOf(t);
    expect(await signIn(t.db, manager.id, MANAGER_PIN, START_MS)).toMatchObject({
      ok: true,
      value: { role: 'manager', name: 'Mara' },
    });
  });

  it('locks the pad after five wrong PINs, longer each time, and a right PIN later clears it', async () => {
    const t = await setUpTestTerminal();
    const manager = await managerOf(t);
    let now = START_MS;
    for (let i = 1; i < LOCKOUT_POLICY.freeAttempts; i++) {
      expect(await signIn(t.db, manager.id, '0000', now)).toMatchObject({
        error: { code: 'wrong_pin', attemptsLeft: LOCKOUT_POLICY.freeAttempts - i, waitSeconds: 0 },
      });
    }
    expect(await signIn(t.db, manager.id, '0000', now)).toMatchObject({
      error: { code: 'wrong_pin', attemptsLeft: 0, waitSeconds: 30 },
    });
    // Locked: even the right PIN is not looked at.
    now += 10_000;
    expect(await signIn(t.db, manager.id, MANAGER_PIN, now)).toMatchObject({
      error: { code: 'locked', waitSeconds: 20 },
    });
    now += 20_000;
    expect(await signIn(t.db, manager.id, '9999', now)).toMatchObject({
      error: { code: 'wrong_pin', waitSeconds: 60 },
    });
    now += 60_000;
    expect((await signIn(t.db, manager.id, MANAGER_PIN, now)).ok).toBe(true);
    expect(await readMeta(t.db, 'lockout')).toEqual({ failures: 0, lockedUntilMs: 0 });
  });

  it('refuses a PIN that is not 4 to 8 digits without counting it as a wrong guess', async () => {
    const t = await setUpTestTerminal();
    const manager = await managerOf(t);
    expect(await signIn(t.db, manager.id, '12', START_MS)).toMatchObject({
      error: { code: 'pin_format' },
    });
    expect(await readMeta(t.db, 'lockout')).toBeUndefined();
  });
});
