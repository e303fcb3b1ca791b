/**
 * Sync under faults, with the real sync client and the real server: connections cut
 * after a push reached the server and in the middle of a pull; the server killed with
 * SIGKILL in the middle of a batch and started again; batches delivered twice at once
 * and pulls replayed; a terminal whose clock is a day ahead. After each, nothing is lost
 * and nothing is doubled.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldEvents } from '../../shared/projection/projection';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import { readMeta, writeMeta } from '../../renderer/storage/meta';
import { outboxBatch } from '../../renderer/sync/push-outbox';
import { pushEvents } from '../../renderer/sync/protocol-client';
import { syncOnce } from '../../renderer/sync/sync-once';
import { giveFeedback, stampPurchase } from '../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../renderer/terminal/default-program';
import { enrolMember } from '../../renderer/terminal/member-actions';
import { createStore, createTenant } from '../../server/admin/tenancy';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { ServerStore } from '../../server/store/server-store';
import { startCuttingProxy, type CuttingProxy } from '../support/cutting-proxy';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { startSyncServer, type RunningServer } from '../support/sync-harness';
import { enrolledTerminal, type SyncTerminal } from '../support/sync-terminals';
import { START_MS } from '../support/terminal-setup';
import { storedEvents, storedSnapshot } from '../support/stored-projection';

const DAY = 24 * 60 * 60 * 1000;

async function storeOf(store: ServerStore): Promise<string> {
  const tenant = await createTenant(store, 'Café Fault', START_MS);
  const shop = await createStore(store, tenant.id, 'Main Street', START_MS);
  if (!shop.ok) throw new Error(shop.error);
  return shop.value.id;
}

/** The server's events of the only tenant, by id. */
async function serverEvents(store: ServerStore): Promise<Map<string, LedgerEvent>> {
  const [tenant] = await store.tenants();
  const rows = await store.eventsAfter(tenant?.id ?? '', 0, 1_000_000);
  const events = new Map<string, LedgerEvent>();
  for (const row of rows) {
    const event = JSON.parse(row.body) as LedgerEvent;
    events.set(event.id, event);
  }
  return events;
}

/** Nothing lost, nothing doubled: the server holds exactly the terminal's events, and none waits. */
async function expectAllDelivered(store: ServerStore, terminal: SyncTerminal): Promise<void> {
  const mine = await storedEvents(terminal.db);
  const held = await serverEvents(store);
  const terminalId = await terminal.terminalId();
  expect(mine.filter((e) => e.terminal === terminalId).every((e) => held.has(e.id))).toBe(true);
  expect(await terminal.db.events.where('pending').equals(1).count()).toBe(0);
}

async function someActions(terminal: SyncTerminal, atMs: number, n: number): Promise<void> {
  const ctx = terminal.at(atMs);
  const anna = await enrolMember(ctx, DEFAULT_PROGRAM_ID, { profile: { marketingConsent: false } });
  if (!anna.ok) throw new Error(anna.error.code);
  await stampPurchase(ctx, anna.value.member, DEFAULT_PROGRAM_ID, { items: 3 });
  for (let i = 0; i < n; i++) await giveFeedback(ctx, 1 + (i % 5), anna.value.member);
}

describe('sync through a connection that is cut', () => {
  let store: ServerStore;
  let folder: string;
  let server: RunningServer;
  let proxy: CuttingProxy;
  const now = START_MS + 60_000;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'treu-faults-'));
    store = openSqliteStore(join(folder, 'treu.sqlite'));
    server = await startSyncServer(store, () => now);
    proxy = await startCuttingProxy(Number(new URL(server.url).port));
  });

  afterEach(async () => {
    await proxy.close();
    await server.close();
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('loses and doubles nothing when a push is cut after it landed, or a pull mid-answer', async () => {
    const shop = await storeOf(store);
    const till = await enrolledTerminal(proxy.url, store, shop, 'Till', START_MS);
    const other = await enrolledTerminal(server.url, store, shop, 'Other', START_MS);
    await someActions(till, now, 5);

    // The push reaches the server, the answer never reaches the terminal.
    await proxy.plan(['after-request']);
    const cut = await syncOnce(till.db, { now: () => now });
    expect(cut.ok).toBe(false);
    expect(proxy.cuts()).toBe(1);
    const landed = (await serverEvents(store)).size;
    expect(await till.db.events.where('pending').equals(1).count()).toBeGreaterThan(0);

    // Sent again: the server says duplicate, the outbox empties, nothing is stored twice.
    await proxy.plan([]);
    expect((await syncOnce(till.db, { now: () => now })).ok).toBe(true);
    expect((await serverEvents(store)).size).toBe(landed);
    await expectAllDelivered(store, till);

    // The other terminal's events; the pull that brings them is cut in the middle.
    await someActions(other, now, 5);
    await other.sync(now);
    await proxy.plan(['mid-response']);
    expect((await syncOnce(till.db, { now: () => now })).ok).toBe(false);
    await proxy.plan([]);
    expect((await syncOnce(till.db, { now: () => now })).ok).toBe(true);
    await other.sync(now);
    expect(await storedSnapshot(till.db)).toEqual(await storedSnapshot(other.db));
    const all = [...(await serverEvents(store)).values()];
    expect(await storedSnapshot(till.db)).toEqual(projectionSnapshot(foldEvents(all)));
  });

  it('changes nothing when a batch is delivered twice at once or a pull is replayed', async () => {
    const shop = await storeOf(store);
    const till = await enrolledTerminal(server.url, store, shop, 'Till', START_MS);
    await someActions(till, now, 20);
    const link = await readMeta(till.db, 'server');
    if (!link) throw new Error('not enrolled');
    const batch = await outboxBatch(till.db, 1_000);
    const [first, second] = await Promise.all([pushEvents(link, batch), pushEvents(link, batch)]);
    const taken = [first, second].map((r) =>
      r.ok ? r.value.accepted.length + r.value.duplicate.length : 0,
    );
    expect(taken).toEqual([batch.length, batch.length]);
    expect((await serverEvents(store)).size).toBe(batch.length);

    expect((await syncOnce(till.db, { now: () => now })).ok).toBe(true);
    const before = await storedSnapshot(till.db);
    // Pull everything again from the start: every event a duplicate, nothing changes.
    await writeMeta(till.db, 'server', { ...link, pullCursor: undefined });
    expect((await syncOnce(till.db, { now: () => now })).ok).toBe(true);
    expect(await storedSnapshot(till.db)).toEqual(before);
    await expectAllDelivered(store, till);
  });

  it('keeps events whose clock is a day ahead in the outbox, with the reason, until the server’s time comes', async () => {
    let serverNow = now;
    await server.close();
    server = await startSyncServer(store, () => serverNow);
    const shop = await storeOf(store);
    const till = await enrolledTerminal(server.url, store, shop, 'Till', START_MS);
    expect((await syncOnce(till.db, { now: () => now })).ok).toBe(true);
    await someActions(till, now + DAY, 2);
    const waiting = await till.db.events.where('pending').equals(1).count();

    // Meanwhile another terminal, whose clock is right, records and syncs.
    const other = await enrolledTerminal(server.url, store, shop, 'Other', START_MS);
    await someActions(other, now, 1);
    await other.sync(now);
    const otherId = await other.terminalId();
    const theirs = (await storedEvents(other.db)).filter((e) => e.terminal === otherId);
    expect(theirs.length).toBeGreaterThan(0);

    const refused = await syncOnce(till.db, { now: () => now });
    expect(refused.ok ? undefined : refused.error.code).toBe('clock_ahead');
    // Refused pushes do not stop the pull: the other terminal's events are here.
    const here = new Set((await storedEvents(till.db)).map((e) => e.id));
    expect(theirs.every((e) => here.has(e.id))).toBe(true);
    expect((await readMeta(till.db, 'sync'))?.lastError?.code).toBe('clock_ahead');
    expect(await till.db.events.where('pending').equals(1).count()).toBe(waiting);

    serverNow = now + DAY;
    expect((await syncOnce(till.db, { now: () => now + DAY })).ok).toBe(true);
    await expectAllDelivered(store, till);
    expect((await readMeta(till.db, 'sync'))?.lastError).toBeUndefined();
  });

  it('reports a push the server took only in part, keeps the refused events and does not spin on them', async () => {
    const shop = await storeOf(store);
    const till = await enrolledTerminal(server.url, store, shop, 'Till', START_MS);
    await someActions(till, now, 1);
    await someActions(till, now + DAY, 1); // the terminal's clock jumped a day ahead
    const ahead = (await storedEvents(till.db)).filter(
      (e) => e.hlc > String(now + DAY / 2).padStart(15, '0'),
    );

    const partly = await syncOnce(till.db, { now: () => now });
    expect(partly.ok ? undefined : partly.error).toMatchObject({
      code: 'clock_ahead',
      serverCode: 'clock_ahead',
    });
    expect((await readMeta(till.db, 'sync'))?.lastError?.code).toBe('clock_ahead');
    const waiting = await outboxBatch(till.db, 1_000);
    expect(waiting.map((e) => e.id).sort()).toEqual(ahead.map((e) => e.id).sort());
    const held = await serverEvents(store);
    expect(ahead.some((e) => held.has(e.id))).toBe(false);
  });
});

describe('sync with a server killed mid-batch', () => {
  let folder: string;
  let serverProcess: ServerProcess | undefined;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'treu-kill-'));
  });

  afterEach(async () => {
    await serverProcess?.stop('SIGKILL');
    await rm(folder, { recursive: true, force: true });
  });

  it('loses and doubles nothing when SIGKILL hits during pushes, however late', async () => {
    // Set up through the store, then close it: the server's process owns the file.
    const setup = openSqliteStore(join(folder, 'treu.sqlite'));
    const shop = await storeOf(setup);
    serverProcess = await startServerProcess({ dataFolder: folder });
    const port = serverProcess.port;
    const till = await enrolledTerminal(serverProcess.url, setup, shop, 'Till', Date.now());
    await setup.close();
    await someActions(till, Date.now(), 1_200);

    for (const delayMs of [2, 10, 25, 50, 100]) {
      const syncing = syncOnce(till.db);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await serverProcess.stop('SIGKILL');
      await syncing;
      serverProcess = await startServerProcess({ dataFolder: folder, port });
    }
    expect((await syncOnce(till.db)).ok).toBe(true);
    const check = openSqliteStore(join(folder, 'treu.sqlite'));
    try {
      await expectAllDelivered(check, till);
      const mine = (await storedEvents(till.db)).length;
      expect((await serverEvents(check)).size).toBe(mine);
    } finally {
      await check.close();
    }
  });
});
