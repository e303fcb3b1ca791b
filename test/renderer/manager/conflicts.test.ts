/**
 * Conflicts: two terminals, offline, hand out the same free coffee; after sync, the
 * manager sees the overdraft beside the redemption that spent the stamps first, with
 * both terminals and cashiers; writing it off, correcting it or cancelling it appends
 * new events (nothing edited), and every terminal then sees it settled the same way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConflicts } from '../../../renderer/manager/conflicts/conflicts';
import {
  cancelConflictingRedemption,
  correctConflict,
  writeOffConflict,
} from '../../../renderer/manager/conflicts/resolve-conflict';
import {
  adjustStamps,
  redeemReward,
  undoLastAction,
} from '../../../renderer/terminal/counter-actions';
import { readMember } from '../../../renderer/terminal/member-reads';
import { DEFAULT_PROGRAM_ID } from '../../../renderer/terminal/default-program';
import { enrolMember } from '../../../renderer/terminal/member-actions';
import { createStore, createTenant } from '../../../server/admin/tenancy';
import { sqliteKind, type OpenedStore } from '../../support/server-stores';
import { startSyncServer, type RunningServer } from '../../support/sync-harness';
import { enrolledTerminal, type SyncTerminal } from '../../support/sync-terminals';
import { START_MS } from '../../support/terminal-setup';

const MINUTE = 60_000;
const REWARD = 'rwd_free-coffee';

describe('conflicts after an offline double redemption', () => {
  let opened: OpenedStore;
  let server: RunningServer;
  let a: SyncTerminal;
  let b: SyncTerminal;
  let anna: string;
  let nowMs: number;

  beforeEach(async () => {
    nowMs = START_MS;
    opened = await sqliteKind.open();
    server = await startSyncServer(opened.store, () => nowMs);
    const tenant = await createTenant(opened.store, 'Café Test', START_MS);
    const shop = await createStore(opened.store, tenant.id, 'Main Street', START_MS);
    if (!shop.ok) throw new Error(shop.error);
    a = await enrolledTerminal(server.url, opened.store, shop.value.id, 'A', START_MS);
    b = await enrolledTerminal(server.url, opened.store, shop.value.id, 'B', START_MS);
    const enrolled = await enrolMember(a.at(nowMs), DEFAULT_PROGRAM_ID, {
      profile: { name: 'Anna Berg', marketingConsent: false },
    });
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    anna = enrolled.value.member;
    expect((await adjustStamps(a.at(nowMs), anna, DEFAULT_PROGRAM_ID, 10)).ok).toBe(true);
    await a.sync(nowMs);
    await b.sync(nowMs);
    // Both offline: the same coffee, once on each.
    nowMs += 10 * MINUTE;
    expect(
      (await redeemReward(a.at(nowMs, { online: false }), anna, DEFAULT_PROGRAM_ID, REWARD)).ok,
    ).toBe(true);
    expect(
      (await redeemReward(b.at(nowMs + 1_000, { online: false }), anna, DEFAULT_PROGRAM_ID, REWARD))
        .ok,
    ).toBe(true);
    nowMs += 10 * MINUTE;
    for (const t of [a, b, a]) await t.sync(nowMs);
  });

  afterEach(async () => {
    await server.close();
    await opened.dispose();
  });

  it('shows the overdraft beside the first redemption, with both terminals and cashiers', async () => {
    const [conflict, ...more] = await readConflicts(a.db);
    expect(more).toEqual([]);
    if (!conflict) throw new Error('no conflict');
    const [idA, idB] = [await a.terminalId(), await b.terminalId()];
    expect(conflict).toMatchObject({
      holder: anna,
      memberName: 'Anna Berg',
      shortfall: 10,
      settlements: [],
      earlier: { terminal: idA, overdraft: false, balanceBefore: 10, cost: 10 },
      overdraft: { terminal: idB, overdraft: true, balanceBefore: 0, cost: 10, reward: REWARD },
    });
    expect(conflict.earlier?.staff).toBeDefined();
    expect(conflict.overdraft.staff).toBeDefined();
    // B sees the same conflict.
    expect(await readConflicts(b.db)).toEqual([conflict]);
  });

  it('writes an overdraft off with a new event that names it, and every terminal sees it settled', async () => {
    const [conflict] = await readConflicts(a.db);
    if (!conflict) throw new Error('no conflict');
    const before = await a.db.events.count();
    const written = await writeOffConflict(a.at(nowMs), conflict);
    expect(written.ok ? written.value.balance : written.error).toBe(0);
    expect(await a.db.events.count()).toBe(before + 1);
    await a.sync(nowMs);
    await b.sync(nowMs);
    for (const t of [a, b]) {
      const [settled] = await readConflicts(t.db);
      expect(settled?.settlements.map((s) => s.stamps)).toEqual([10]);
      expect((await t.db.balances.get([anna, DEFAULT_PROGRAM_ID]))?.balance).toBe(0);
      // The redemption itself stands: the coffee was handed over.
      expect((await t.db.redemptions.get(conflict.overdraft.id))?.overdraft).toBe(true);
    }
  });

  it('takes a write-off that was voided as no settlement: the conflict is open again', async () => {
    const [conflict] = await readConflicts(a.db);
    if (!conflict) throw new Error('no conflict');
    expect((await writeOffConflict(a.at(nowMs), conflict)).ok).toBe(true);
    const details = await readMember(a.db, anna);
    if (!details) throw new Error('no member');
    // Within the undo window, the manager undoes the write-off at the counter.
    expect((await undoLastAction(a.at(nowMs + 1_000), details)).ok).toBe(true);
    const [again] = await readConflicts(a.db);
    expect(again?.settlements).toEqual([]);
    expect((await a.db.balances.get([anna, DEFAULT_PROGRAM_ID]))?.balance).toBe(-10);
  });

  it('corrects an overdraft by the stamps the manager chooses', async () => {
    const [conflict] = await readConflicts(a.db);
    if (!conflict) throw new Error('no conflict');
    const corrected = await correctConflict(a.at(nowMs), conflict, 4);
    expect(corrected.ok ? corrected.value.balance : corrected.error).toBe(-6);
    expect((await readConflicts(a.db))[0]?.settlements.map((s) => s.stamps)).toEqual([4]);
  });

  it('refuses a correction from a cashier and records nothing', async () => {
    const [conflict] = await readConflicts(a.db);
    if (!conflict) throw new Error('no conflict');
    const before = await a.db.events.count();
    const refused = await correctConflict(a.at(nowMs, { role: 'cashier' }), conflict, 10);
    expect(refused.ok ? undefined : refused.error.code).toBe('manager_required');
    expect(await a.db.events.count()).toBe(before);
  });

  it('cancels a redemption whose reward was not handed out: the conflict goes, on every terminal', async () => {
    const [conflict] = await readConflicts(a.db);
    if (!conflict) throw new Error('no conflict');
    const cancelled = await cancelConflictingRedemption(a.at(nowMs), conflict);
    expect(cancelled.ok ? cancelled.value.balance : cancelled.error).toBe(0);
    await a.sync(nowMs);
    await b.sync(nowMs);
    for (const t of [a, b]) {
      expect(await readConflicts(t.db)).toEqual([]);
      expect((await t.db.balances.get([anna, DEFAULT_PROGRAM_ID]))?.balance).toBe(0);
    }
  });
});
