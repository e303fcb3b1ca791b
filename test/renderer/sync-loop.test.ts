/**
 * The sync loop against the real server: it keeps retrying, longer each time, while the
 * server is away, and delivers the outbox once it is back; a revoked terminal stops the
 * automatic retries. And the backoff's own arithmetic.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseServerSentEvents } from '../../renderer/sync/live-updates';
import { retryDelayMs } from '../../renderer/sync/retry-delay';
import { startSyncLoop, type SyncLoop } from '../../renderer/sync/sync-loop';
import { stampPurchase } from '../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../renderer/terminal/default-program';
import { enrolMember } from '../../renderer/terminal/member-actions';
import { createStore, createTenant } from '../../server/admin/tenancy';
import { sqliteKind, type OpenedStore } from '../support/server-stores';
import { startSyncServer, type RunningServer } from '../support/sync-harness';
import { enrolledTerminal, type SyncTerminal } from '../support/sync-terminals';
import { START_MS } from '../support/terminal-setup';

let opened: OpenedStore;
let server: RunningServer | undefined;
let loop: SyncLoop | undefined;
const now = () => START_MS + 60_000;

const pending = (t: SyncTerminal) => t.db.events.where('pending').equals(1).count();

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

async function enrolledTill(): Promise<{ till: SyncTerminal; port: number }> {
  if (!server) throw new Error('no server');
  const tenant = await createTenant(opened.store, 'Café', START_MS);
  const shop = await createStore(opened.store, tenant.id, 'Main Street', START_MS);
  if (!shop.ok) throw new Error(shop.error);
  const till = await enrolledTerminal(server.url, opened.store, shop.value.id, 'Till', START_MS);
  return { till, port: Number(new URL(server.url).port) };
}

beforeEach(async () => {
  opened = await sqliteKind.open();
  server = await startSyncServer(opened.store, now);
});

afterEach(async () => {
  loop?.stop();
  await server?.close();
  await opened.dispose();
});

describe('server-sent events', () => {
  it('are split into messages, comments and partial lines left for later', () => {
    const parsed = parseServerSentEvents(
      ': keep-alive\n\nevent: cursor\ndata: {"cursor":"4"}\n\nevent: cursor\r\ndata: {"cur',
    );
    expect(parsed.messages).toEqual([{ event: 'cursor', data: '{"cursor":"4"}' }]);
    expect(parsed.rest).toBe('event: cursor\r\ndata: {"cur');
  });
});

describe('retry delays', () => {
  it('double with each failure up to the ceiling, with half of each left to chance', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, high, 1_000, 60_000))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, low, 1_000, 60_000))).toEqual([500, 1_000, 2_000]);
    expect(retryDelayMs(30, high, 1_000, 60_000)).toBe(60_000);
    expect(retryDelayMs(30, low, 1_000, 60_000)).toBe(30_000);
  });
});

describe('the sync loop', () => {
  it('keeps trying while the server is away and delivers everything once it is back', async () => {
    const { till, port } = await enrolledTill();
    const ctx = till.at(now());
    const anna = await enrolMember(ctx, DEFAULT_PROGRAM_ID, {
      profile: { marketingConsent: false },
    });
    if (!anna.ok) throw new Error(anna.error.code);
    await server?.close();
    server = undefined;
    await stampPurchase(ctx, anna.value.member, DEFAULT_PROGRAM_ID, { items: 2 });
    let attempts = 0;
    loop = startSyncLoop(till.db, {
      now,
      retryMs: 20,
      maxRetryMs: 80,
      onBusy: (busy) => {
        if (busy) attempts += 1;
      },
    });
    await until(() => Promise.resolve(attempts >= 3), 'three attempts while the server is away');
    expect(await pending(till)).toBeGreaterThan(0);
    expect((await till.db.meta.get('sync'))?.value).toMatchObject({
      lastError: { code: 'offline' },
    });

    server = await startSyncServer(opened.store, now, port);
    await until(async () => (await pending(till)) === 0, 'the outbox delivered');
    const [tenant] = await opened.store.tenants();
    const stored = await opened.store.eventsAfter(tenant?.id ?? '', 0, 100);
    expect(stored.length).toBe(await till.db.events.count());
  });

  it('pulls another terminal’s stamp as soon as the live stream tells of it', async () => {
    const { till } = await enrolledTill();
    const [tenant] = await opened.store.tenants();
    const [shop] = await opened.store.stores(tenant?.id ?? '');
    const other = await enrolledTerminal(
      server?.url ?? '',
      opened.store,
      shop?.id ?? '',
      'Other',
      START_MS,
    );
    // Neither the interval nor a nudge brings it: only the live stream can, in this test.
    loop = startSyncLoop(other.db, { now, intervalMs: 600_000 });
    await until(async () => (await other.db.meta.get('sync'))?.value !== undefined, 'a first sync');
    const anna = await enrolMember(till.at(now()), DEFAULT_PROGRAM_ID, {
      profile: { name: 'Anna', marketingConsent: false },
    });
    if (!anna.ok) throw new Error(anna.error.code);
    await till.sync(now());
    await until(
      async () => (await other.db.members.get(anna.value.member)) !== undefined,
      'Anna on the other terminal',
    );
  });

  it('stops retrying on its own once the terminal is revoked', async () => {
    const { till } = await enrolledTill();
    await opened.store.revokeTerminal(await till.terminalId(), now());
    let attempts = 0;
    loop = startSyncLoop(till.db, {
      now,
      retryMs: 10,
      nudgeDelayMs: 10,
      onBusy: (busy) => {
        if (busy) attempts += 1;
      },
    });
    await until(() => Promise.resolve(attempts >= 1), 'a first attempt');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(attempts).toBe(1);
    expect((await till.db.meta.get('sync'))?.value).toMatchObject({
      lastError: { code: 'revoked' },
    });
    // Nor does a local action bring it back.
    loop.nudge();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(attempts).toBe(1);
    expect((await loop.syncNow()).ok).toBe(false);
    expect(attempts).toBe(2);
  });

  it('syncs a local action made during a sync soon after it, not at the next interval', async () => {
    const { till } = await enrolledTill();
    let attempts = 0;
    const started = startSyncLoop(till.db, {
      now,
      intervalMs: 600_000,
      // Longer than a sync takes here, so the nudge's timer is still waiting when it ends.
      nudgeDelayMs: 300,
      live: false,
      onBusy: (busy) => {
        if (!busy) return;
        attempts += 1;
        // The cashier stamps while the first sync is under way.
        if (attempts === 1) started.nudge();
      },
    });
    loop = started;
    await until(() => Promise.resolve(attempts >= 2), 'the nudged sync');
  });
});
