/**
 * HQ's kept fold of a tenant's ledger (server/hq/tenant-ledger.ts) on a real SQLite store:
 * a later call folds in only the events stored since, with the same views as a fold of
 * the whole ledger, late events and undos included; calls at once share one read; a
 * failed read is not kept; idle folds and folds over the memory bound are dropped. The
 * store is the real one, wrapped only to count which positions each read starts after.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldEvents } from '../../shared/projection/projection';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import { coffeeCardRules } from '../../shared/rules/program-schema';
import { createTenantLedgers, KEPT_FOLD_LIMITS } from '../../server/hq/tenant-ledger';
import { eventRecordOf } from '../../server/store/event-record';
import type { ServerStore } from '../../server/store/server-store';
import { terminalBuilder } from '../support/ledger-builder';
import { sqliteKind, type OpenedStore } from '../support/server-stores';

const NOW = Date.UTC(2026, 10, 24, 12);
const MINUTE = 60_000;

/** The real store; `readsAfter` lists the position each page read started after. */
function countingReads(store: ServerStore) {
  const readsAfter: number[] = [];
  let failNext = false;
  const counted: ServerStore = Object.create(store) as ServerStore;
  counted.eventsAfter = (tenant, position, limit) => {
    readsAfter.push(position);
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('the database went away'));
    }
    return store.eventsAfter(tenant, position, limit);
  };
  return {
    store: counted,
    readsAfter,
    failNextRead: () => {
      failNext = true;
    },
  };
}

async function storeEvents(store: ServerStore, events: readonly LedgerEvent[]) {
  const outcomes = await store.insertEvents(events.map(eventRecordOf));
  expect(outcomes.every((outcome) => outcome === 'accepted')).toBe(true);
}

function tenantTerminals(tenant: string) {
  const north = terminalBuilder('term_north', { tenant, store: 'sto_north' });
  const south = terminalBuilder('term_south', { tenant, store: 'sto_south' });
  return { north, south };
}

/** A program, two members with cards, and stamps on the north terminal. */
function openingDay(tenant: string) {
  const { north, south } = tenantTerminals(tenant);
  const events = [
    north.event(
      'program.published',
      { program: 'prg_coffee', version: 1, name: 'Coffee card', rules: coffeeCardRules },
      NOW - 60 * MINUTE,
    ),
    north.event(
      'member.enrolled',
      { member: 'mem_anna', consent: { marketing: false } },
      NOW - 50 * MINUTE,
    ),
    north.event(
      'card.linked',
      { member: 'mem_anna', card: 'crd_anna', kind: 'qr' },
      NOW - 50 * MINUTE,
    ),
    north.event(
      'member.enrolled',
      { member: 'mem_ben', consent: { marketing: true } },
      NOW - 49 * MINUTE,
    ),
    north.event(
      'stamps.earned',
      { member: 'mem_anna', program: 'prg_coffee', count: 9, reason: 'purchase', card: 'crd_anna' },
      NOW - 40 * MINUTE,
    ),
    north.event(
      'stamps.earned',
      { member: 'mem_ben', program: 'prg_coffee', count: 3, reason: 'purchase' },
      NOW - 30 * MINUTE,
    ),
  ];
  return { north, south, events };
}

describe('HQ keeps a tenant fold up to date with the events stored since', () => {
  let opened: OpenedStore;
  const tenant = 'ten_north';

  beforeEach(async () => {
    opened = await sqliteKind.open();
    for (const id of [tenant, 'ten_south', 'ten_other']) {
      await opened.store.createTenant({ id, name: id, createdMs: NOW });
    }
  });
  afterEach(async () => {
    await opened.dispose();
  });

  it('folds in only the new events, late ones and undos among them, with the views of a full fold', async () => {
    const { north, south, events } = openingDay(tenant);
    const reads = countingReads(opened.store);
    const ledgers = createTenantLedgers(reads.store);
    await storeEvents(opened.store, events);
    const first = await ledgers.fold(tenant, NOW);
    expect(first.ordered).toHaveLength(events.length);
    expect(reads.readsAfter).toEqual([0]);

    // The south terminal was offline: its stamp and redemption sort before the north's
    // later stamp, and a void undoes one of the north's stamps folded before.
    const later = [
      north.event(
        'stamps.earned',
        { member: 'mem_ben', program: 'prg_coffee', count: 2, reason: 'purchase' },
        NOW - 5 * MINUTE,
      ),
      south.event(
        'stamps.earned',
        { member: 'mem_anna', program: 'prg_coffee', count: 1, reason: 'purchase' },
        NOW - 35 * MINUTE,
      ),
      south.event(
        'reward.redeemed',
        { member: 'mem_anna', program: 'prg_coffee', reward: 'rwd_free-coffee', cost: 10 },
        NOW - 34 * MINUTE,
      ),
      north.event(
        'event.voided',
        { target: events[5]?.id ?? '', reason: 'cashier_undo' },
        NOW - 4 * MINUTE,
      ),
    ];
    await storeEvents(opened.store, later);
    reads.readsAfter.length = 0;
    const second = await ledgers.fold(tenant, NOW + MINUTE);

    expect(second).toBe(first);
    expect(reads.readsAfter).toEqual([events.length]);
    expect(projectionSnapshot(second)).toEqual(
      projectionSnapshot(foldEvents([...events, ...later])),
    );
    const anna = second.views.members.get('mem_anna')?.balances.get('prg_coffee');
    expect(anna?.balance).toBe(0);
    expect(second.views.members.get('mem_ben')?.balances.get('prg_coffee')?.balance).toBe(2);
  });

  it('reads nothing when nothing was stored since', async () => {
    const { events } = openingDay(tenant);
    const reads = countingReads(opened.store);
    const ledgers = createTenantLedgers(reads.store);
    await storeEvents(opened.store, events);
    const first = await ledgers.fold(tenant, NOW);
    reads.readsAfter.length = 0;
    expect(await ledgers.fold(tenant, NOW + MINUTE)).toBe(first);
    expect(reads.readsAfter).toEqual([]);
  });

  it('lets calls at once share one read and one fold', async () => {
    const { events } = openingDay(tenant);
    const reads = countingReads(opened.store);
    const ledgers = createTenantLedgers(reads.store);
    await storeEvents(opened.store, events);
    const [a, b, c] = await Promise.all([
      ledgers.fold(tenant, NOW),
      ledgers.fold(tenant, NOW),
      ledgers.fold(tenant, NOW),
    ]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(reads.readsAfter).toEqual([0]);
  });

  it('keeps nothing of a failed read: the call fails, the next one folds the whole ledger', async () => {
    const { north, events } = openingDay(tenant);
    const reads = countingReads(opened.store);
    const ledgers = createTenantLedgers(reads.store);
    await storeEvents(opened.store, events);
    const first = await ledgers.fold(tenant, NOW);
    const more = [
      north.event(
        'stamps.earned',
        { member: 'mem_ben', program: 'prg_coffee', count: 1, reason: 'purchase' },
        NOW - MINUTE,
      ),
    ];
    await storeEvents(opened.store, more);
    reads.failNextRead();
    await expect(ledgers.fold(tenant, NOW)).rejects.toThrow('the database went away');

    reads.readsAfter.length = 0;
    const again = await ledgers.fold(tenant, NOW);
    expect(again).not.toBe(first);
    expect(reads.readsAfter).toEqual([0]);
    expect(projectionSnapshot(again)).toEqual(projectionSnapshot(foldEvents([...events, ...more])));
  });

  it('drops a fold nobody asked for within the idle time', async () => {
    const { events } = openingDay(tenant);
    const reads = countingReads(opened.store);
    const ledgers = createTenantLedgers(reads.store);
    await storeEvents(opened.store, events);
    const first = await ledgers.fold(tenant, NOW);
    expect(await ledgers.fold(tenant, NOW + KEPT_FOLD_LIMITS.idleMs - 1)).toBe(first);
    // Another tenant's call after the idle time drops this one.
    await ledgers.fold('ten_other', NOW + 2 * KEPT_FOLD_LIMITS.idleMs);
    reads.readsAfter.length = 0;
    expect(await ledgers.fold(tenant, NOW + 2 * KEPT_FOLD_LIMITS.idleMs)).not.toBe(first);
    expect(reads.readsAfter).toEqual([0]);
  });

  it('drops the least recently asked folds when the kept ones hold more events than the bound', async () => {
    const { events } = openingDay(tenant);
    const south = tenantTerminals('ten_south').south;
    const other = [
      south.event('member.enrolled', { member: 'mem_cem', consent: { marketing: false } }, NOW),
      south.event('member.enrolled', { member: 'mem_dora', consent: { marketing: false } }, NOW),
    ];
    await storeEvents(opened.store, [...events, ...other]);
    const reads = countingReads(opened.store);
    // Room for both tenants' folds (6 and 2 events), not for one more event.
    const ledgers = createTenantLedgers(reads.store, { ...KEPT_FOLD_LIMITS, events: 8 });
    const kept = await ledgers.fold(tenant, NOW);
    const otherFold = await ledgers.fold('ten_south', NOW + MINUTE);
    reads.readsAfter.length = 0;
    expect(await ledgers.fold(tenant, NOW + 2 * MINUTE)).toBe(kept);
    expect(reads.readsAfter).toEqual([]);

    // One more south event: the north fold, asked least recently, goes.
    await storeEvents(opened.store, [
      south.event('member.enrolled', { member: 'mem_emil', consent: { marketing: false } }, NOW),
    ]);
    await ledgers.fold('ten_south', NOW + 3 * MINUTE);
    expect(await ledgers.fold('ten_south', NOW + 4 * MINUTE)).toBe(otherFold);
    reads.readsAfter.length = 0;
    expect(await ledgers.fold(tenant, NOW + 5 * MINUTE)).not.toBe(kept);
    expect(reads.readsAfter).toEqual([0]);
  });
});
