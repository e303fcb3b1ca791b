/**
 * The one test suite every ServerStore implementation passes (SQLite, PostgreSQL): what
 * the sync server relies on, and nothing about how a database does it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord, ServerStore, TerminalRow } from '../../server/store/server-store';
import type { OpenedStore } from '../support/server-stores';

const NOW = Date.UTC(2026, 10, 24, 9);

const event = (
  n: number,
  overrides: Partial<EventRecord> & { readonly seq?: number } = {},
): EventRecord => ({
  id: `evt-${n}`,
  tenant: 'tnt_a',
  terminal: 'term_1',
  seq: n,
  body: `{"n":${n}}`,
  ...overrides,
});

const newTerminal = (id: string, tokenHash: string) =>
  ({
    id,
    name: `Till ${id}`,
    publicKey: 'k'.repeat(43),
    tokenHash,
    enrolledMs: NOW,
  }) satisfies Omit<TerminalRow, 'tenant' | 'store' | 'lastSyncMs' | 'revokedMs'>;

export function describeServerStore(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name} server store`, () => {
    let opened: OpenedStore;
    let store: ServerStore;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
      await store.createTenant({ id: 'tnt_a', name: 'Café A', createdMs: NOW });
      await store.createTenant({ id: 'tnt_b', name: 'Café B', createdMs: NOW + 1 });
      await store.createStore({ id: 'sto_a1', tenant: 'tnt_a', name: 'Main St', createdMs: NOW });
      await store.createStore({ id: 'sto_b1', tenant: 'tnt_b', name: 'Harbour', createdMs: NOW });
      for (const [tenant, shop, code, terminal] of [
        ['tnt_a', 'sto_a1', 'code-a', 'term_1'],
        ['tnt_a', 'sto_a1', 'code-a2', 'term_2'],
        ['tnt_b', 'sto_b1', 'code-b', 'term_9'],
      ] as const) {
        await store.addEnrolmentCode({
          codeHash: code,
          tenant,
          store: shop,
          createdMs: NOW,
          expiresMs: NOW + 60_000,
        });
        const enrolled = await store.enrolTerminal(
          code,
          newTerminal(terminal, `token-${terminal}`),
        );
        if (!enrolled.ok) throw new Error(enrolled.error);
      }
    });

    afterEach(async () => {
      await opened.dispose();
    });

    it('keeps tenants and their stores, and refuses a store of an unknown tenant', async () => {
      expect((await store.tenants()).map((t) => t.id)).toEqual(['tnt_a', 'tnt_b']);
      expect((await store.stores('tnt_a')).map((s) => s.name)).toEqual(['Main St']);
      expect(await store.store('sto_b1')).toMatchObject({ tenant: 'tnt_b', name: 'Harbour' });
      expect(
        await store.createStore({ id: 'sto_x', tenant: 'tnt_nope', name: 'X', createdMs: NOW }),
      ).toBeUndefined();
      expect(await store.store('sto_x')).toBeUndefined();
    });

    it('enrols a terminal once per code, into the code’s tenant and store', async () => {
      await store.addEnrolmentCode({
        codeHash: 'code-new',
        tenant: 'tnt_b',
        store: 'sto_b1',
        createdMs: NOW,
        expiresMs: NOW + 60_000,
      });
      const first = await store.enrolTerminal('code-new', newTerminal('term_5', 'token-5'));
      expect(first.ok && first.value).toMatchObject({
        id: 'term_5',
        tenant: 'tnt_b',
        store: 'sto_b1',
      });
      const again = await store.enrolTerminal('code-new', newTerminal('term_6', 'token-6'));
      expect(again).toEqual({ ok: false, error: 'code_used' });
      expect(await store.terminal('term_6')).toBeUndefined();
      expect(await store.enrolTerminal('no-such-code', newTerminal('term_7', 't7'))).toEqual({
        ok: false,
        error: 'unknown_code',
      });
    });

    it('lets only one of two terminals racing with one code enrol', async () => {
      await store.addEnrolmentCode({
        codeHash: 'code-race',
        tenant: 'tnt_a',
        store: 'sto_a1',
        createdMs: NOW,
        expiresMs: NOW + 60_000,
      });
      const results = await Promise.all(
        ['term_r1', 'term_r2', 'term_r3'].map((id) =>
          store.enrolTerminal('code-race', newTerminal(id, `token-${id}`)),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect((await store.terminals('tnt_a')).map((t) => t.id)).toHaveLength(3);
    });

    it('refuses an expired code', async () => {
      await store.addEnrolmentCode({
        codeHash: 'code-old',
        tenant: 'tnt_a',
        store: 'sto_a1',
        createdMs: NOW - 120_000,
        expiresMs: NOW - 60_000,
      });
      expect(await store.enrolTerminal('code-old', newTerminal('term_8', 'token-8'))).toEqual({
        ok: false,
        error: 'code_expired',
      });
    });

    it('finds a terminal by its token hash, revokes it once, and records its last sync', async () => {
      expect(await store.terminalByTokenHash('token-term_1')).toMatchObject({
        id: 'term_1',
        tenant: 'tnt_a',
        revokedMs: undefined,
      });
      expect(await store.terminalByTokenHash('nobody')).toBeUndefined();
      expect(await store.revokeTerminal('term_1', NOW + 5)).toBe(true);
      expect(await store.revokeTerminal('term_1', NOW + 9)).toBe(true);
      expect((await store.terminal('term_1'))?.revokedMs).toBe(NOW + 5);
      expect(await store.revokeTerminal('term_none', NOW)).toBe(false);
      await store.recordSync('term_2', NOW + 7);
      expect((await store.terminal('term_2'))?.lastSyncMs).toBe(NOW + 7);
      expect((await store.terminals()).map((t) => t.id).sort()).toEqual([
        'term_1',
        'term_2',
        'term_9',
      ]);
    });

    it('stores new events, and says duplicate, id_conflict or seq_conflict for the rest', async () => {
      expect(await store.insertEvents([event(1), event(2)])).toEqual(['accepted', 'accepted']);
      expect(
        await store.insertEvents([
          event(2),
          event(3),
          event(1, { body: '{"n":"changed"}' }),
          event(4, { seq: 3 }),
          event(3),
        ]),
      ).toEqual(['duplicate', 'accepted', 'id_conflict', 'seq_conflict', 'duplicate']);
      const stored = await store.eventsAfter('tnt_a', 0, 100);
      expect(stored.map((e) => e.body)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    });

    it('numbers each tenant’s events in server order and pages through them', async () => {
      await store.insertEvents([event(1), event(2)]);
      await store.insertEvents([
        event(50, { tenant: 'tnt_b', terminal: 'term_9', seq: 1 }),
        event(3),
      ]);
      const all = await store.eventsAfter('tnt_a', 0, 100);
      expect(all.map((e) => e.position)).toEqual([1, 2, 3]);
      expect(await store.eventsAfter('tnt_a', 1, 1)).toEqual([{ position: 2, body: '{"n":2}' }]);
      expect(await store.eventsAfter('tnt_a', 3, 10)).toEqual([]);
      expect(await store.newestPosition('tnt_a')).toBe(3);
      expect(await store.eventsAfter('tnt_b', 0, 10)).toEqual([{ position: 1, body: '{"n":50}' }]);
      expect(await store.newestPosition('tnt_nope')).toBe(0);
    });

    it('knows each terminal’s highest contiguous seq across gaps', async () => {
      expect(await store.highestContiguousSeq('term_1')).toBe(0);
      await store.insertEvents([event(1), event(2), event(4)]);
      expect(await store.highestContiguousSeq('term_1')).toBe(2);
      await store.insertEvents([event(3)]);
      expect(await store.highestContiguousSeq('term_1')).toBe(4);
      await store.insertEvents([event(7, { terminal: 'term_2', seq: 1 })]);
      expect(await store.highestContiguousSeq('term_2')).toBe(1);
      expect(await store.highestContiguousSeq('term_1')).toBe(4);
    });

    it('tells its listeners which tenant got new events, once committed', async () => {
      const told: string[] = [];
      const stop = store.onEventsStored((tenant) => told.push(tenant));
      await store.insertEvents([
        event(1),
        event(60, { tenant: 'tnt_b', terminal: 'term_9', seq: 1 }),
      ]);
      await store.insertEvents([event(1)]);
      for (let i = 0; i < 200 && told.length < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(told.sort()).toEqual(['tnt_a', 'tnt_b']);
      stop();
      await store.insertEvents([event(2)]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(told).toHaveLength(2);
    });

    it('stores an event id once when two tenants’ batches race with it', async () => {
      for (let round = 1; round <= 20; round++) {
        const id = `evt-copied-${round}`;
        const outcomes = await Promise.all([
          store.insertEvents([event(round, { id })]),
          store.insertEvents([
            event(round, { id, tenant: 'tnt_b', terminal: 'term_9', body: `{"b":${round}}` }),
          ]),
        ]);
        expect(outcomes.flat().sort()).toEqual(['accepted', 'id_conflict']);
      }
      const stored =
        (await store.eventsAfter('tnt_a', 0, 100)).length +
        (await store.eventsAfter('tnt_b', 0, 100)).length;
      expect(stored).toBe(20);
    });

    it('stores nothing of a batch that fails part way', async () => {
      await expect(
        store.insertEvents([event(1), event(2, { tenant: 'tnt_missing' })]),
      ).rejects.toThrow();
      expect(await store.eventsAfter('tnt_a', 0, 10)).toEqual([]);
      expect(await store.newestPosition('tnt_a')).toBe(0);
      expect(await store.highestContiguousSeq('term_1')).toBe(0);
    });
  });
}
