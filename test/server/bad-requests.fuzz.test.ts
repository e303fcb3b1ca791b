/**
 * 10,000 generated bad requests against the real server on a real port: malformed and
 * truncated JSON, wrong types, wrong content types, unknown paths and methods, missing,
 * unknown and revoked tokens, another tenant's events, tampered signatures, junk
 * enrolments. None may get a 5xx, none may store a row, and the server stays up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { errorBodySchema, pushResponseSchema } from '../../shared/sync/protocol';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { ServerStore } from '../../server/store/server-store';
import {
  enrolTerminal,
  startSyncServer,
  tenantWithCode,
  type HttpTerminal,
  type RunningServer,
} from '../support/sync-harness';

const NOW = Date.UTC(2026, 10, 24, 9);
const REQUESTS = 10_000;

let folder: string;
let store: ServerStore;
let server: RunningServer;
let till: HttpTerminal;
let revoked: HttpTerminal;
let stranger: HttpTerminal;
const genuine: LedgerEvent[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'treu-fuzz-'));
  store = openSqliteStore(join(folder, 'treu.sqlite'));
  server = await startSyncServer(store, () => NOW);
  till = await enrolTerminal(server.url, (await tenantWithCode(store, 'Nord', NOW)).code);
  revoked = await enrolTerminal(server.url, (await tenantWithCode(store, 'Ost', NOW)).code);
  stranger = await enrolTerminal(server.url, (await tenantWithCode(store, 'Süd', NOW)).code);
  await store.revokeTerminal(revoked.enrolment.terminal, NOW);
  for (let i = 0; i < 20; i++) {
    genuine.push(
      await till.sign({ type: 'feedback.given', data: { rating: 1 + (i % 5) } }, NOW + i),
    );
  }
});

afterAll(async () => {
  await server.close();
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

/** Requests that must all be refused or answered without storing anything. */
function badRequests(genuine: readonly LedgerEvent[]) {
  /** An event of the genuine terminal changed so that it can no longer be accepted. */
  const spoiledEvent = fc.oneof(
    // a field's value replaced: the signature no longer covers it, or the schema refuses it
    fc
      .record({
        event: fc.constantFrom(...Array.from({ length: 20 }, (_, i) => i)),
        field: fc.constantFrom(
          'id',
          'hlc',
          'seq',
          'tenant',
          'store',
          'terminal',
          'type',
          'data',
          'sig',
        ),
        value: fc.jsonValue(),
      })
      .map(({ event, field, value }) => ({ ...genuine[event], [field]: value })),
    // one character of the signature changed
    fc
      .record({ event: fc.nat(19), at: fc.nat(84), char: fc.constantFrom('A', 'B', '_', '-', '9') })
      .map(({ event, at, char }) => {
        const original = genuine[event] as LedgerEvent;
        const sig = original.sig.slice(0, at) + char + original.sig.slice(at + 1);
        return { ...original, sig: sig === original.sig ? `${sig.slice(0, -1)}B` : sig };
      }),
    // a field taken away, or one added
    fc
      .record({ event: fc.nat(19), drop: fc.constantFrom('id', 'hlc', 'seq', 'sig', 'data') })
      .map(({ event, drop }) =>
        Object.fromEntries(Object.entries(genuine[event] ?? {}).filter(([key]) => key !== drop)),
      ),
    fc.nat(19).map((event) => ({ ...genuine[event], extra: true })),
    fc.jsonValue(),
  );

  const body = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    fc
      .array(spoiledEvent, { minLength: 1, maxLength: 5 })
      .map((events) => JSON.stringify({ events })),
    fc
      .tuple(fc.array(spoiledEvent, { minLength: 1, maxLength: 3 }), fc.nat(200))
      .map(([events, cut]) => JSON.stringify({ events }).slice(0, cut)),
    fc
      .record(
        { code: fc.jsonValue(), name: fc.jsonValue(), publicKey: fc.jsonValue() },
        { requiredKeys: [] },
      )
      .map((enrolment) => JSON.stringify(enrolment)),
    fc.constant(JSON.stringify({ events: genuine.slice(0, 1), more: 1 })),
    fc.constant(''),
  );

  return fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    path: fc.oneof(
      fc.constantFrom(
        '/v1/events',
        '/v1/terminals',
        '/v1/events/live',
        '/v1/snapshot',
        '/v1/staff',
        '/',
        '/v2/events',
      ),
      fc.string({ maxLength: 30 }).map((q) => `/v1/events?after=${encodeURIComponent(q)}`),
      fc.string({ maxLength: 30 }).map((q) => `/v1/events?limit=${encodeURIComponent(q)}&after=1`),
      fc.webPath().map((path) => `/v1${path}`),
    ),
    auth: fc.constantFrom('none', 'valid', 'revoked', 'stranger', 'junk', 'basic'),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'none',
      'application/json; charset=utf-8',
      'application/xml',
    ),
    // Now and then a body over the 2 MiB limit.
    body: fc.oneof(
      { arbitrary: body, weight: 300 },
      { arbitrary: fc.constant(`{"events":["${'x'.repeat(2_200_000)}"]}`), weight: 1 },
    ),
  });
}

type Request = ReturnType<typeof badRequests> extends fc.Arbitrary<infer R> ? R : never;

/**
 * The genuine terminal's events pushed unchanged would be stored, so the generator never
 * makes them; the stranger pushing them is refused (wrong tenant), as it should be.
 */
function authorization(auth: Request['auth']): Record<string, string> {
  switch (auth) {
    case 'none':
      return {};
    case 'valid':
      return { authorization: `Bearer ${till.enrolment.token}` };
    case 'revoked':
      return { authorization: `Bearer ${revoked.enrolment.token}` };
    case 'stranger':
      return { authorization: `Bearer ${stranger.enrolment.token}` };
    case 'junk':
      return { authorization: `Bearer ${'z'.repeat(43)}` };
    case 'basic':
      return { authorization: 'Basic dXNlcjpwYXNz' };
  }
}

async function send(r: Request): Promise<{ status: number; text: string }> {
  const withBody = r.method !== 'GET' && r.method !== 'DELETE';
  const response = await fetch(new URL(r.path, server.url), {
    method: r.method,
    headers: {
      ...authorization(r.auth),
      ...(r.contentType === 'none' || !withBody ? {} : { 'content-type': r.contentType }),
    },
    ...(withBody ? { body: r.body } : {}),
  });
  // The live stream of an authorised GET never ends by itself: its status is the answer.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, text: '' };
  }
  return { status: response.status, text: await response.text() };
}

describe('bad requests', () => {
  it(`answers ${REQUESTS.toLocaleString('en')} of them without a 5xx and stores nothing`, async () => {
    const enrolled = async () => (await store.terminals()).map((t) => [t.id, t.revokedMs]);
    const terminalsBefore = await enrolled();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(badRequests(genuine), async (r) => {
        const answer = await send(r);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status, `${r.method} ${r.path}: ${answer.text}`).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(errorBodySchema.safeParse(JSON.parse(answer.text)).success).toBe(true);
        }
        if (answer.status === 200 && r.method === 'POST' && r.path === '/v1/events') {
          expect(pushResponseSchema.parse(JSON.parse(answer.text)).accepted).toEqual([]);
        }
      }),
      { numRuns: REQUESTS, seed: 20261124 },
    );
    for (const tenant of await store.tenants()) {
      expect(await store.eventsAfter(tenant.id, 0, 10)).toEqual([]);
    }
    expect(await enrolled()).toEqual(terminalsBefore);
    expect(await store.staffOf(till.enrolment.tenant, till.enrolment.store)).toEqual({
      staff: [],
      audit: [],
    });
    // Still up, and still taking good events.
    const good = await till.request('POST', '/v1/events', { events: genuine.slice(0, 2) });
    expect(pushResponseSchema.parse(good.body).accepted).toEqual(
      genuine.slice(0, 2).map((e) => e.id),
    );
    // Each kind of answer came up, so the generator reached every door.
    expect([...statuses.keys()].sort()).toEqual(
      expect.arrayContaining([200, 400, 401, 403, 404, 413, 415, 422]),
    );
  });
});
