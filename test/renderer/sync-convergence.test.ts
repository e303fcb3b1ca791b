/**
 * Three terminals (real Dexie storage on fake-indexeddb, real counter actions, the real
 * sync client) against the real server on a real port. Random schedules of enrolments,
 * stamps and redemptions, each terminal going offline and back, end with every terminal
 * holding the same projection as the others and as a fold of the server's events; the
 * same offline double redemption is flagged identically everywhere.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldEvents } from '../../shared/projection/projection';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import { adjustStamps, redeemReward, stampPurchase } from '../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../renderer/terminal/default-program';
import { enrolMember } from '../../renderer/terminal/member-actions';
import { createStore, createTenant } from '../../server/admin/tenancy';
import type { ServerStore } from '../../server/store/server-store';
import {
  postgresKind,
  sqliteKind,
  type OpenedStore,
  type StoreKind,
} from '../support/server-stores';
import { startSyncServer, type RunningServer } from '../support/sync-harness';
import { enrolledTerminal, snapshots, type SyncTerminal } from '../support/sync-terminals';
import { START_MS } from '../support/terminal-setup';
import { storedSnapshot } from '../support/stored-projection';

const MINUTE = 60_000;

let opened: OpenedStore;
let store: ServerStore;
let server: RunningServer;
let nowMs = START_MS;

async function threeTerminals(): Promise<SyncTerminal[]> {
  const tenant = await createTenant(store, 'Café Test', START_MS);
  const shop = await createStore(store, tenant.id, 'Main Street', START_MS);
  if (!shop.ok) throw new Error(shop.error);
  const terminals: SyncTerminal[] = [];
  for (const name of ['A', 'B', 'C']) {
    terminals.push(await enrolledTerminal(server.url, store, shop.value.id, name, START_MS));
  }
  return terminals;
}

async function serverSnapshot() {
  const [tenant] = await store.tenants();
  if (!tenant) throw new Error('no tenant');
  const rows = await store.eventsAfter(tenant.id, 0, 1_000_000);
  return projectionSnapshot(foldEvents(rows.map((row) => JSON.parse(row.body) as LedgerEvent)));
}

const step = fc.record({
  terminal: fc.nat(2),
  action: fc.constantFrom('enrol', 'stamp', 'stamp', 'stamp', 'redeem', 'sync', 'sync', 'toggle'),
  pick: fc.nat(),
  items: fc.integer({ min: 1, max: 4 }),
  minutes: fc.integer({ min: 1, max: 20 }),
});

async function freshServer(kind: StoreKind): Promise<void> {
  nowMs = START_MS;
  opened = await kind.open();
  store = opened.store;
  server = await startSyncServer(store, () => nowMs);
}

async function stopServer(): Promise<void> {
  await server.close();
  await opened.dispose();
}

for (const kind of [sqliteKind, postgresKind()]) {
  if (kind.missing !== undefined) {
    describe(`three terminals syncing through the server on ${kind.name}`, () => {
      it.skip(`skipped: ${kind.missing ?? ''}`, () => undefined);
    });
    continue;
  }
  describe(`three terminals syncing through the server on ${kind.name}`, () => {
    beforeAll(() => kind.setUp());
    afterAll(() => kind.tearDown());
    beforeEach(() => freshServer(kind));
    afterEach(() => stopServer());

    it('converge to the same projection everywhere, whatever the schedule', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 60 }), async (schedule) => {
          await stopServer();
          await freshServer(kind);

          const terminals = await threeTerminals();
          const offline = [false, false, false];
          for (const s of schedule) {
            nowMs += s.minutes * MINUTE;
            const t = terminals[s.terminal] as SyncTerminal;
            const members = await t.db.members
              .filter((m) => !m.mergedInto && !m.erased)
              .primaryKeys();
            const member = members[s.pick % Math.max(1, members.length)];
            const ctx = t.at(nowMs, { online: !offline[s.terminal] });
            if (s.action === 'enrol') {
              await enrolMember(ctx, DEFAULT_PROGRAM_ID, { profile: { marketingConsent: false } });
            } else if (s.action === 'stamp' && member) {
              await stampPurchase(ctx, member, DEFAULT_PROGRAM_ID, { items: s.items });
            } else if (s.action === 'redeem' && member) {
              const program = await t.db.programs.get(DEFAULT_PROGRAM_ID);
              const reward = program?.rules.rewards[0]?.id;
              if (reward) await redeemReward(ctx, member, DEFAULT_PROGRAM_ID, reward);
            } else if (s.action === 'sync' && !offline[s.terminal]) {
              await t.sync(nowMs);
            } else if (s.action === 'toggle') {
              offline[s.terminal] = !offline[s.terminal];
            }
          }
          // Everyone back online: two rounds bring every event everywhere.
          for (let round = 0; round < 2; round++) for (const t of terminals) await t.sync(nowMs);

          const [first, ...rest] = await snapshots(terminals);
          for (const other of rest) expect(other).toEqual(first);
          expect(await serverSnapshot()).toEqual(first);
          for (const t of terminals)
            expect(await t.db.events.where('pending').equals(1).count()).toBe(0);
        }),
        { numRuns: 8, seed: 20261124 },
      );
    });

    it('flags the same offline double redemption as an overdraft on every terminal', async () => {
      const [a, b, c] = await threeTerminals();
      if (!a || !b || !c) throw new Error('three terminals');
      const enrolled = await enrolMember(a.at(nowMs), DEFAULT_PROGRAM_ID, {
        profile: { name: 'Anna', marketingConsent: false },
      });
      if (!enrolled.ok) throw new Error(enrolled.error.code);
      const anna = enrolled.value.member;
      const topUp = await adjustStamps(a.at(nowMs), anna, DEFAULT_PROGRAM_ID, 10);
      expect(topUp.ok).toBe(true);
      for (const t of [a, b, c]) await t.sync(nowMs);

      // Both counters offline; the same coffee handed out twice.
      nowMs += 10 * MINUTE;
      const reward = (await b.db.programs.get(DEFAULT_PROGRAM_ID))?.rules.rewards[0]?.id ?? '';
      const onB = await redeemReward(
        b.at(nowMs, { online: false }),
        anna,
        DEFAULT_PROGRAM_ID,
        reward,
      );
      const onC = await redeemReward(
        c.at(nowMs + 1_000, { online: false }),
        anna,
        DEFAULT_PROGRAM_ID,
        reward,
      );
      expect([onB.ok, onC.ok]).toEqual([true, true]);

      nowMs += 10 * MINUTE;
      for (let round = 0; round < 2; round++) for (const t of [c, b, a]) await t.sync(nowMs);

      const views = await snapshots([a, b, c]);
      for (const view of views) expect(view).toEqual(views[0]);
      const redemptions = await a.db.redemptions.where('member').equals(anna).toArray();
      expect(redemptions.map((r) => r.overdraft).sort()).toEqual([false, true]);
      const balance = (await a.db.balances.get([anna, DEFAULT_PROGRAM_ID]))?.balance;
      expect(balance).toBe(-10);
      expect(await storedSnapshot(b.db)).toEqual(await serverSnapshot());
    });
  });
}
