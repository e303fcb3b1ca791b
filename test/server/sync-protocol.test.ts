/**
 * Protocol v1 over real HTTP against the real server on SQLite: enrolment, push with its
 * checks and idempotency, pull by cursor within the tenant, and the errors a client's
 * mistakes get (4xx with a code and a sentence, nothing stored).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPublicKey, generateSigningKeyPair } from '../../shared/ledger/signing';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import {
  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  snapshotResponseSchema,
} from '../../shared/sync/protocol';
import { foldEvents } from '../../shared/projection/projection';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import { makeEnrolmentCode } from '../../server/admin/tenancy';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { ServerStore } from '../../server/store/server-store';
import {
  call,
  enrolTerminal,
  errorOf,
  startSyncServer,
  tenantWithCode,
  type HttpTerminal,
  type RunningServer,
} from '../support/sync-harness';

const NOW = Date.UTC(2026, 10, 24, 9);
const DAY = 24 * 60 * 60 * 1000;

let folder: string;
let store: ServerStore;
let server: RunningServer;
let nowMs = NOW;

const feedback = (terminal: HttpTerminal, atMs = nowMs, rating = 5) =>
  terminal.sign({ type: 'feedback.given', data: { rating } }, atMs);

const push = async (terminal: HttpTerminal, events: readonly unknown[]) => {
  const answer = await terminal.request('POST', '/v1/events', { events });
  expect(answer.status).toBe(200);
  return pushResponseSchema.parse(answer.body);
};

const pull = async (terminal: HttpTerminal, query = '') => {
  const answer = await terminal.request('GET', `/v1/events${query}`);
  expect(answer.status).toBe(200);
  return pullResponseSchema.parse(answer.body);
};

async function storedCount(tenant: string): Promise<number> {
  return (await store.eventsAfter(tenant, 0, 10_000)).length;
}

beforeEach(async () => {
  nowMs = NOW;
  folder = await mkdtemp(join(tmpdir(), 'treu-protocol-'));
  store = openSqliteStore(join(folder, 'treu.sqlite'));
  server = await startSyncServer(store, () => nowMs);
});

afterEach(async () => {
  await server.close();
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

describe('enrolment', () => {
  it('enrols a terminal with a one-time code into the code’s store, once', async () => {
    const { tenant, store: shop, code } = await tenantWithCode(store, 'Café Nord', NOW);
    const till = await enrolTerminal(server.url, code.toLowerCase().replaceAll('-', ' '));
    expect(till.enrolment).toMatchObject({
      tenant: tenant.id,
      store: shop.id,
      storeName: shop.name,
      serverTime: NOW,
    });
    expect((await store.terminal(till.enrolment.terminal))?.tokenHash).not.toContain(
      till.enrolment.token,
    );
    const keys = await generateSigningKeyPair();
    const again = await call(server.url, 'POST', '/v1/terminals', {
      body: { code, name: 'Second till', publicKey: await exportPublicKey(keys.publicKey) },
    });
    expect(errorOf(again)).toEqual({ status: 409, code: 'code_used' });
  });

  it('refuses unknown codes, expired codes and malformed enrolments', async () => {
    const { code } = await tenantWithCode(store, 'Café Nord', NOW);
    const keys = await generateSigningKeyPair();
    const publicKey = await exportPublicKey(keys.publicKey);
    const unknown = await call(server.url, 'POST', '/v1/terminals', {
      body: { code: 'ABCD-EFGH-JKMN', name: 'Till', publicKey },
    });
    expect(errorOf(unknown)).toEqual({ status: 400, code: 'unknown_code' });
    const badKey = await call(server.url, 'POST', '/v1/terminals', {
      body: { code, name: 'Till', publicKey: 'not a key' },
    });
    expect(errorOf(badKey)).toEqual({ status: 400, code: 'invalid_body' });
    expect(JSON.stringify(badKey.body)).toContain('publicKey');
    nowMs = NOW + 2 * DAY;
    const late = await call(server.url, 'POST', '/v1/terminals', {
      body: { code, name: 'Till', publicKey },
    });
    expect(errorOf(late)).toEqual({ status: 410, code: 'code_expired' });
    expect(await store.terminals()).toEqual([]);
  });
});

describe('push and pull', () => {
  let till: HttpTerminal;
  let other: HttpTerminal;
  let elsewhere: HttpTerminal;

  beforeEach(async () => {
    const nord = await tenantWithCode(store, 'Café Nord', NOW);
    till = await enrolTerminal(server.url, nord.code, 'Till 1');
    const code2 = await makeEnrolmentCode(store, nord.store.id, NOW);
    if (!code2.ok) throw new Error(code2.error);
    other = await enrolTerminal(server.url, code2.value.code, 'Till 2');
    const sued = await tenantWithCode(store, 'Café Süd', NOW);
    elsewhere = await enrolTerminal(server.url, sued.code, 'Till S');
  });

  it('accepts a terminal’s signed events once, and says duplicate for a repeat', async () => {
    const events = [
      await feedback(till),
      await feedback(till, NOW + 1),
      await feedback(till, NOW + 2),
    ];
    expect(await push(till, events)).toEqual({
      accepted: events.map((e) => e.id),
      duplicate: [],
      rejected: [],
      highestSeq: 3,
    });
    expect(await push(till, [events[1], events[2]])).toEqual({
      accepted: [],
      duplicate: [events[1]?.id, events[2]?.id],
      rejected: [],
      highestSeq: 3,
    });
    expect(await storedCount(till.enrolment.tenant)).toBe(3);
    expect((await store.terminal(till.enrolment.terminal))?.lastSyncMs).toBe(NOW);
  });

  it('tells the highest seq it holds without a gap', async () => {
    const one = await feedback(till);
    const two = await feedback(till);
    const three = await feedback(till);
    expect((await push(till, [one, three])).highestSeq).toBe(1);
    expect((await push(till, [two])).highestSeq).toBe(3);
  });

  it('rejects bad events one by one, storing the good ones of the batch', async () => {
    const good = await feedback(till);
    const tampered = { ...(await feedback(till)), data: { rating: 1 } };
    const notMine = await feedback(other);
    const reused = await till.sign({ type: 'feedback.given', data: { rating: 2 } }, nowMs, good.id);
    // Last: the terminal's clock stays a day ahead after it.
    const ahead = await feedback(till, NOW + DAY);
    const malformed = { id: 'x', type: 'stamps.earned' };
    const answer = await push(till, [good, tampered, notMine, ahead, malformed, reused]);
    expect(answer.accepted).toEqual([good.id]);
    expect(answer.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, 'bad_signature'],
      [2, 'wrong_terminal'],
      [3, 'clock_ahead'],
      [4, 'invalid_event'],
      [5, 'id_conflict'],
    ]);
    for (const rejection of answer.rejected) expect(rejection.message.length).toBeGreaterThan(10);
    expect(await storedCount(till.enrolment.tenant)).toBe(1);
  });

  it('keeps an event its clock refused in the terminal’s hands, and takes it once the time is right', async () => {
    const ahead = await feedback(till, NOW + DAY);
    const refused = await till.request('POST', '/v1/events', { events: [ahead] });
    expect(errorOf(refused)).toEqual({ status: 422, code: 'events_rejected' });
    expect(errorBodySchema.parse(refused.body).error.rejected?.map((r) => r.code)).toEqual([
      'clock_ahead',
    ]);
    expect(await storedCount(till.enrolment.tenant)).toBe(0);
    nowMs = NOW + DAY;
    expect((await push(till, [ahead])).accepted).toEqual([ahead.id]);
  });

  it('pulls the tenant’s events in server order, page by page, and nothing of other tenants', async () => {
    const ours: LedgerEvent[] = [];
    for (let i = 0; i < 5; i++) ours.push(await feedback(i % 2 === 0 ? till : other, NOW + i));
    for (const event of ours)
      await push(event.terminal === till.enrolment.terminal ? till : other, [event]);
    await push(elsewhere, [await feedback(elsewhere)]);

    const first = await pull(other, '?limit=2');
    expect(first.events.map((e) => e.id)).toEqual(ours.slice(0, 2).map((e) => e.id));
    expect(first.more).toBe(true);
    const rest = await pull(other, `?after=${first.cursor}&limit=10`);
    expect(rest.events.map((e) => e.id)).toEqual(ours.slice(2).map((e) => e.id));
    expect(rest.more).toBe(false);
    expect(await pull(other, `?after=${rest.cursor}`)).toEqual({
      events: [],
      cursor: rest.cursor,
      more: false,
    });
    expect((await pull(elsewhere)).events).toHaveLength(1);
    // What comes back is what was pushed, signature and all.
    expect(rest.events).toEqual(ours.slice(2));
  });
});

describe('a cursor the server never gave', () => {
  it('is refused with 409 cursor_ahead once it lies beyond the tenant’s newest event', async () => {
    const nord = await tenantWithCode(store, 'Café Nord', NOW);
    const till = await enrolTerminal(server.url, nord.code, 'Till 1');
    await push(till, [await feedback(till), await feedback(till, NOW + 1)]);
    expect((await pull(till, '?after=2')).events).toEqual([]);
    const answer = await till.request('GET', '/v1/events?after=3');
    expect(answer.status).toBe(409);
    const body = errorBodySchema.parse(answer.body);
    expect(body.error.code).toBe('cursor_ahead');
    expect(body.error.message).toMatch(/only up to 2/);
  });
});

describe('the live stream', () => {
  it('tells of new events, and ends once its terminal is revoked', async () => {
    const nord = await tenantWithCode(store, 'Café Nord', NOW);
    const till = await enrolTerminal(server.url, nord.code, 'Till 1');
    const code2 = await makeEnrolmentCode(store, nord.store.id, NOW);
    if (!code2.ok) throw new Error(code2.error);
    const other = await enrolTerminal(server.url, code2.value.code, 'Till 2');
    const response = await fetch(new URL('/v1/events/live', server.url), {
      headers: { authorization: `Bearer ${till.enrolment.token}` },
    });
    expect(response.status).toBe(200);
    if (!response.body) throw new Error('The live stream has no body.');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const readUntil = async (done: (text: string) => boolean) => {
      while (!done(received)) {
        const chunk = await reader.read();
        if (chunk.done) return 'ended';
        received += chunk.value;
      }
      return 'read';
    };
    await readUntil((text) => text.includes('"cursor":"0"'));
    await push(other, [await feedback(other)]);
    await readUntil((text) => text.includes('"cursor":"1"'));

    await store.revokeTerminal(till.enrolment.terminal, NOW);
    await push(other, [await feedback(other, NOW + 1)]);
    expect(await readUntil(() => false)).toBe('ended');
    expect(received).not.toContain('"cursor":"2"');
  });
});

describe('snapshot', () => {
  it('gives the tenant’s projection as of the cursor a pull would reach', async () => {
    const nord = await tenantWithCode(store, 'Café Nord', NOW);
    const till = await enrolTerminal(server.url, nord.code, 'Till 1');
    const code2 = await makeEnrolmentCode(store, nord.store.id, NOW);
    if (!code2.ok) throw new Error(code2.error);
    const other = await enrolTerminal(server.url, code2.value.code, 'Till 2');
    const member = 'mem_anna-berg';
    const events = [
      await till.sign(
        { type: 'member.enrolled', data: { member, consent: { marketing: false } } },
        NOW,
      ),
      await till.sign(
        {
          type: 'stamps.earned',
          data: { member, program: 'prg_coffee', count: 3, reason: 'purchase' },
        },
        NOW + 1,
      ),
      await other.sign(
        {
          type: 'stamps.earned',
          data: { member, program: 'prg_coffee', count: 2, reason: 'purchase' },
        },
        NOW + 2,
      ),
    ];
    await push(till, events.slice(0, 2));
    await push(other, events.slice(2));
    const answer = await till.request('GET', '/v1/snapshot');
    expect(answer.status).toBe(200);
    const snapshot = snapshotResponseSchema.parse(answer.body);
    expect(snapshot.events).toBe(3);
    expect(snapshot.cursor).toBe((await pull(till)).cursor);
    expect(snapshot.snapshot).toEqual(
      JSON.parse(JSON.stringify(projectionSnapshot(foldEvents(events)))),
    );
    expect(snapshot.snapshot.balances.map((b) => b.balance)).toEqual([5]);
    expect(errorOf(await call(server.url, 'GET', '/v1/snapshot'))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
  });
});

describe('client mistakes', () => {
  let till: HttpTerminal;

  beforeEach(async () => {
    till = await enrolTerminal(server.url, (await tenantWithCode(store, 'Café Nord', NOW)).code);
  });

  const raw = (init: RequestInit & { path?: string; token?: string | null }) =>
    fetch(new URL(init.path ?? '/v1/events', server.url), {
      method: 'POST',
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.token === null
          ? {}
          : { authorization: `Bearer ${init.token ?? till.enrolment.token}` }),
        ...(init.headers as Record<string, string> | undefined),
      },
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as unknown,
    }));

  it('answers each with a 4xx, a code and a sentence, and stores nothing', async () => {
    const event = await feedback(till);
    const cases: [Promise<{ status: number; body: unknown }>, number, string][] = [
      [raw({ body: '{"events": [' }), 400, 'malformed_json'],
      [raw({ body: '' }), 400, 'malformed_json'],
      [raw({ body: JSON.stringify({ events: 'all' }) }), 400, 'invalid_body'],
      [raw({ body: JSON.stringify({ events: [] }) }), 400, 'invalid_body'],
      [raw({ body: JSON.stringify({ events: [event], extra: 1 }) }), 400, 'invalid_body'],
      [raw({ body: 'x'.repeat(3 * 1024 * 1024) }), 413, 'body_too_large'],
      [
        raw({ body: JSON.stringify({ events: [event] }), headers: { 'content-type': 'text/csv' } }),
        415,
        'unsupported_media_type',
      ],
      [raw({ body: JSON.stringify({ events: [event] }), token: null }), 401, 'unauthorized'],
      [
        raw({ body: JSON.stringify({ events: [event] }), token: 'x'.repeat(43) }),
        401,
        'unauthorized',
      ],
      [raw({ path: '/v1/nothing', body: '{}' }), 404, 'not_found'],
      [
        raw({ path: '/v1/events?after=-1', method: 'GET', body: null, headers: {} }),
        400,
        'invalid_query',
      ],
      [
        raw({ path: '/v1/events?limit=100000', method: 'GET', body: null, headers: {} }),
        400,
        'invalid_query',
      ],
    ];
    for (const [answer, status, code] of cases) {
      const got = await answer;
      expect({ status: got.status, code: errorBodySchema.parse(got.body).error.code }).toEqual({
        status,
        code,
      });
    }
    expect(await storedCount(till.enrolment.tenant)).toBe(0);
  });

  it('answers 422 with each reason when no event of a push can be stored', async () => {
    const elsewhere = await enrolTerminal(
      server.url,
      (await tenantWithCode(store, 'Süd', NOW)).code,
    );
    const theirs = await feedback(elsewhere);
    const tampered = { ...(await feedback(till)), data: { rating: 1 } };
    const answer = await till.request('POST', '/v1/events', { events: [theirs, tampered] });
    expect(errorOf(answer)).toEqual({ status: 422, code: 'events_rejected' });
    expect(errorBodySchema.parse(answer.body).error.rejected?.map((r) => r.code)).toEqual([
      'wrong_tenant',
      'bad_signature',
    ]);
    expect(await storedCount(till.enrolment.tenant)).toBe(0);
    expect(await storedCount(elsewhere.enrolment.tenant)).toBe(0);
  });

  it('refuses a revoked terminal with 403 and takes nothing from it', async () => {
    await store.revokeTerminal(till.enrolment.terminal, NOW);
    const answer = await till.request('POST', '/v1/events', { events: [await feedback(till)] });
    expect(errorOf(answer)).toEqual({ status: 403, code: 'terminal_revoked' });
    expect(errorOf(await till.request('GET', '/v1/events'))).toEqual({
      status: 403,
      code: 'terminal_revoked',
    });
    expect(await storedCount(till.enrolment.tenant)).toBe(0);
  });
});
