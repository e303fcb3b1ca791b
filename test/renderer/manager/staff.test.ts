/**
 * The staff list kept by a manager: adding, PIN resets, roles and removal, each audited;
 * the refusals that keep a store with at least one manager; and the audit of voids and
 * adjustments per member of staff, taken from the ledger.
 */
import { describe, expect, it } from 'vitest';
import { UUID_V7_PATTERN } from '../../../shared/ids';
import { readCorrections } from '../../../renderer/manager/staff/corrections';
import {
  addStaff,
  changeStaffRole,
  currentStaff,
  removeStaff,
  resetStaffPin,
} from '../../../renderer/manager/staff/staff-actions';
import { actingRole, standInManager } from '../../../renderer/manager/staff/stand-in-manager';
import {
  adjustStamps,
  redeemReward,
  stampPurchase,
  undoLastAction,
} from '../../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../../renderer/terminal/default-program';
import { enrolMember } from '../../../renderer/terminal/member-actions';
import { readMember } from '../../../renderer/terminal/member-reads';
import { signIn, type Session } from '../../../renderer/terminal/sign-in';
import { MANAGER_PIN, setUpTestTerminal, START_MS } from '../../support/terminal-setup';

async function withManager() {
  const terminal = await setUpTestTerminal();
  const session = terminal.at(START_MS).session;
  return { ...terminal, manager: session };
}

describe('the staff list', () => {
  it('adds a cashier who can then sign in with their PIN, and audits it', async () => {
    const { db, manager } = await withManager();
    const added = await addStaff(
      db,
      manager,
      { name: 'Ben Kade', role: 'cashier', pin: '1357' },
      START_MS + 1,
    );
    if (!added.ok) throw new Error(added.error.code);
    expect(await signIn(db, added.value.id, '1357', START_MS + 2)).toMatchObject({
      ok: true,
      value: { name: 'Ben Kade', role: 'cashier' },
    });
    // The first run's entry (the store's first manager), then Ben's.
    expect(await db.staffLog.orderBy('atMs').toArray()).toEqual([
      {
        id: expect.stringMatching(UUID_V7_PATTERN) as unknown,
        pending: 1,
        atMs: START_MS,
        by: manager.staff,
        staff: manager.staff,
        change: 'added',
        role: 'manager',
      },
      {
        id: expect.stringMatching(UUID_V7_PATTERN) as unknown,
        pending: 1,
        atMs: START_MS + 1,
        by: manager.staff,
        staff: added.value.id,
        change: 'added',
        role: 'cashier',
      },
    ]);
    expect(JSON.stringify(await db.staff.get(added.value.id))).not.toContain('1357');
  });

  it('refuses a bad name, a bad PIN and a name already on the list, storing nothing', async () => {
    const { db, manager } = await withManager();
    expect(await addStaff(db, manager, { name: ' ', role: 'cashier', pin: '1357' })).toMatchObject({
      ok: false,
      error: { code: 'name' },
    });
    expect(await addStaff(db, manager, { name: 'Ben', role: 'cashier', pin: '12' })).toMatchObject({
      ok: false,
      error: { code: 'pin_format' },
    });
    expect(
      await addStaff(db, manager, { name: 'mara', role: 'cashier', pin: '1357' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'name_taken' },
    });
    expect(await db.staff.count()).toBe(1);
    expect(await db.staffLog.count()).toBe(1); // the first run's entry only
  });

  it('lets only a current manager change the list', async () => {
    const { db, manager } = await withManager();
    const ben = await addStaff(db, manager, { name: 'Ben', role: 'cashier', pin: '1357' });
    if (!ben.ok) throw new Error(ben.error.code);
    const asCashier: Session = { staff: ben.value.id, name: 'Ben', role: 'cashier' };
    // A session that claims to be a manager is checked against the list.
    const forged: Session = { ...asCashier, role: 'manager' };
    for (const session of [asCashier, forged]) {
      expect(await removeStaff(db, session, manager.staff)).toMatchObject({
        ok: false,
        error: { code: 'not_manager' },
      });
      expect(
        await addStaff(db, session, { name: 'Eve', role: 'manager', pin: '9999' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'not_manager' },
      });
    }
    expect(currentStaff(await db.staff.toArray()).map((s) => s.name)).toEqual(['Mara', 'Ben']);
  });

  it('resets a PIN: the old one no longer signs in, the new one does', async () => {
    const { db, manager } = await withManager();
    const ben = await addStaff(
      db,
      manager,
      { name: 'Ben', role: 'cashier', pin: '1357' },
      START_MS + 4,
    );
    if (!ben.ok) throw new Error(ben.error.code);
    expect(await resetStaffPin(db, manager, ben.value.id, '8642', START_MS + 5)).toEqual({
      ok: true,
      value: null,
    });
    expect((await signIn(db, ben.value.id, '1357', START_MS + 6)).ok).toBe(false);
    expect((await signIn(db, ben.value.id, '8642', START_MS + 7)).ok).toBe(true);
    expect((await db.staffLog.orderBy('atMs').toArray()).map((row) => row.change)).toEqual([
      'added', // the first run's manager
      'added',
      'pin_reset',
    ]);
  });

  it('keeps at least one manager and never lets a manager remove themselves', async () => {
    const { db, manager } = await withManager();
    expect(await changeStaffRole(db, manager, manager.staff, 'cashier')).toMatchObject({
      ok: false,
      error: { code: 'last_manager' },
    });
    expect(await removeStaff(db, manager, manager.staff)).toMatchObject({
      ok: false,
      error: { code: 'self' },
    });
    const lea = await addStaff(db, manager, { name: 'Lea', role: 'manager', pin: '2222' });
    if (!lea.ok) throw new Error(lea.error.code);
    // With a second manager, the first may step down.
    expect((await changeStaffRole(db, manager, manager.staff, 'cashier')).ok).toBe(true);
    const asLea: Session = { staff: lea.value.id, name: 'Lea', role: 'manager' };
    expect(await removeStaff(db, asLea, lea.value.id)).toMatchObject({
      ok: false,
      error: { code: 'self' },
    });
    expect(await changeStaffRole(db, asLea, lea.value.id, 'cashier')).toMatchObject({
      ok: false,
      error: { code: 'last_manager' },
    });
  });

  it('removes someone: they can no longer sign in, and their name stays for the audit', async () => {
    const { db, manager } = await withManager();
    const ben = await addStaff(db, manager, { name: 'Ben', role: 'cashier', pin: '1357' });
    if (!ben.ok) throw new Error(ben.error.code);
    expect((await removeStaff(db, manager, ben.value.id, START_MS + 9)).ok).toBe(true);
    expect(await signIn(db, ben.value.id, '1357', START_MS + 10)).toMatchObject({
      ok: false,
      error: { code: 'unknown_staff' },
    });
    expect(await db.staff.get(ben.value.id)).toMatchObject({
      name: 'Ben',
      removedMs: START_MS + 9,
    });
    expect(currentStaff(await db.staff.toArray()).map((s) => s.name)).toEqual(['Mara']);
    expect(await removeStaff(db, manager, ben.value.id)).toMatchObject({
      ok: false,
      error: { code: 'unknown_staff' },
    });
    expect((await signIn(db, manager.staff, MANAGER_PIN, START_MS + 11)).ok).toBe(true);
  });
});

describe('versions of staff changes', () => {
  it('gives every change a version past the one it changed, and keeps it pending', async () => {
    const { db, manager } = await withManager();
    const ben = await addStaff(
      db,
      manager,
      { name: 'Ben', role: 'cashier', pin: '1357' },
      START_MS + 5,
    );
    if (!ben.ok) throw new Error(ben.error.code);
    // Another terminal's version from later than this terminal's wall clock.
    const later = '001767607200000-00007-term_zzzz';
    await db.staff.put({ ...ben.value, changedAt: later, pending: 0 });
    expect((await changeStaffRole(db, manager, ben.value.id, 'manager', START_MS + 6)).ok).toBe(
      true,
    );
    const changed = await db.staff.get(ben.value.id);
    expect(changed?.pending).toBe(1);
    expect(changed?.changedAt.slice(0, 21)).toBe('001767607200000-00008');
    expect((changed?.changedAt ?? '') > later).toBe(true);
  });
});

describe('a store left without a manager', () => {
  it('lets the former manager longest on the list act as manager until someone is made manager, never a cashier', async () => {
    const { db, manager } = await withManager();
    const lea = await addStaff(
      db,
      manager,
      { name: 'Lea', role: 'cashier', pin: '2222' },
      START_MS + 1,
    );
    if (!lea.ok) throw new Error(lea.error.code);
    // As after two offline terminals each demoted a different manager.
    const mara = await db.staff.get(manager.staff);
    if (!mara) throw new Error('no manager');
    await db.staff.put({ ...mara, role: 'cashier' });
    const asLea: Session = { staff: lea.value.id, name: 'Lea', role: 'cashier' };
    const asMara: Session = { ...manager, role: 'cashier' };
    // Mara's row as it is now (a cashier), with the audit that says she was a manager.
    const audit = await db.staffLog.toArray();
    expect(actingRole({ ...mara, role: 'cashier' }, await db.staff.toArray(), audit)).toBe(
      'manager',
    );
    // Lea never was a manager: she never stands in.
    expect(actingRole({ ...lea.value, role: 'cashier' }, await db.staff.toArray(), audit)).toBe(
      'cashier',
    );
    // Without the audit entry that made Mara a manager, nobody stands in.
    expect(
      standInManager(
        await db.staff.toArray(),
        audit.filter((entry) => entry.staff !== mara.id),
      ),
    ).toBeUndefined();
    expect(await changeStaffRole(db, asLea, lea.value.id, 'manager')).toMatchObject({
      ok: false,
      error: { code: 'not_manager' },
    });
    expect((await changeStaffRole(db, asMara, lea.value.id, 'manager')).ok).toBe(true);
    const everyone = await db.staff.toArray();
    const after = await db.staffLog.toArray();
    expect(standInManager(everyone, after)).toBeUndefined();
    expect(actingRole({ ...mara, role: 'cashier' }, everyone, after)).toBe('cashier');
  });
});

describe('the audit of corrections', () => {
  it('lists every void and adjustment per member of staff, with what it undid', async () => {
    const terminal = await setUpTestTerminal();
    const { db, manager } = { db: terminal.db, manager: terminal.at(START_MS).session };
    const ben = await addStaff(db, manager, { name: 'Ben', role: 'cashier', pin: '1357' });
    if (!ben.ok) throw new Error(ben.error.code);
    const asBen = (ms: number) => ({
      ...terminal.at(ms),
      session: { staff: ben.value.id, name: 'Ben', role: 'cashier' as const },
    });

    const anna = await enrolMember(terminal.at(START_MS + 1_000), DEFAULT_PROGRAM_ID, {
      profile: { name: 'Anna', marketingConsent: false },
    });
    if (!anna.ok) throw new Error(anna.error.code);
    const member = anna.value.member;
    const details = async () => {
      const read = await readMember(db, member);
      if (!read) throw new Error('no member');
      return read;
    };
    // Ben stamps 3, then undoes it: one void of 3 stamps.
    await stampPurchase(asBen(START_MS + 60_000), member, DEFAULT_PROGRAM_ID, { items: 3 });
    const undone = await undoLastAction(asBen(START_MS + 70_000), await details());
    expect(undone.ok).toBe(true);
    // The manager adjusts +12, Ben redeems 10, and undoes that too.
    expect(
      (await adjustStamps(terminal.at(START_MS + 80_000), member, DEFAULT_PROGRAM_ID, 12)).ok,
    ).toBe(true);
    expect(
      (await redeemReward(asBen(START_MS + 200_000), member, DEFAULT_PROGRAM_ID, 'rwd_free-coffee'))
        .ok,
    ).toBe(true);
    expect((await undoLastAction(asBen(START_MS + 210_000), await details())).ok).toBe(true);

    const audit = await readCorrections(db, START_MS);
    expect(audit).toEqual([
      {
        staff: ben.value.id,
        voids: 2,
        adjustments: 0,
        items: [
          expect.objectContaining({
            kind: 'void',
            undid: 'redemption',
            stamps: 10,
            member,
            reason: 'cashier_undo',
          }),
          expect.objectContaining({
            kind: 'void',
            undid: 'stamps',
            stamps: -3,
            member,
            reason: 'cashier_undo',
          }),
        ],
      },
      {
        staff: manager.staff,
        voids: 0,
        adjustments: 1,
        items: [
          expect.objectContaining({ kind: 'adjustment', stamps: 12, member, reason: 'adjustment' }),
        ],
      },
    ]);
    // The window leaves out what came before it.
    expect(await readCorrections(db, START_MS + 75_000)).toHaveLength(2);
    expect((await readCorrections(db, START_MS + 205_000)).map((e) => e.staff)).toEqual([
      ben.value.id,
    ]);
  });
});
