/**
 * The real sync server on a real port, and terminals that talk to it over HTTP: for
 * tests of the protocol. Each terminal has its own Ed25519 key and signs its events.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialClock } from '../../shared/clock';
import type { EventDraft, LedgerEvent } from '../../shared/ledger/envelope';
import { nextEvent, type AppendState } from '../../shared/ledger/event-factory';
import { exportPublicKey, generateSigningKeyPair, signEvent } from '../../shared/ledger/signing';
import {
  enrolmentResponseSchema,
  errorBodySchema,
  type EnrolmentResponse,
} from '../../shared/sync/protocol';
import { createStore, createTenant, makeEnrolmentCode } from '../../server/admin/tenancy';
import { buildSyncServer } from '../../server/http/sync-server';
import type { ServerStore } from '../../server/store/server-store';
import { openSqliteStore } from '../../server/store/sqlite-store';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The server on a free port, or on `port` (to start it again where terminals look for it). */
export async function startSyncServer(
  store: ServerStore,
  now?: () => number,
  port = 0,
): Promise<RunningServer> {
  const app = buildSyncServer({ store, ...(now ? { now } : {}) });
  const address = await app.listen({ port, host: '127.0.0.1' });
  return { url: address, close: () => app.close() };
}

/** A tenant with one store and a fresh enrolment code for it. */
export async function tenantWithCode(store: ServerStore, name: string, nowMs: number) {
  const tenant = await createTenant(store, name, nowMs);
  const shop = await createStore(store, tenant.id, `${name} main street`, nowMs);
  if (!shop.ok) throw new Error(shop.error);
  const code = await makeEnrolmentCode(store, shop.value.id, nowMs);
  if (!code.ok) throw new Error(code.error);
  return { tenant, store: shop.value, code: code.value.code };
}

export interface HttpTerminal {
  readonly enrolment: EnrolmentResponse;
  /** Signs the next event of this terminal at wall time `atMs`, with a given id if the test says. */
  sign(draft: EventDraft, atMs: number, id?: string): Promise<LedgerEvent>;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export async function call(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export async function enrolTerminal(
  url: string,
  code: string,
  name = 'Till',
): Promise<HttpTerminal> {
  const keys = await generateSigningKeyPair();
  const answer = await call(url, 'POST', '/v1/terminals', {
    body: { code, name, publicKey: await exportPublicKey(keys.publicKey) },
  });
  if (answer.status !== 201)
    throw new Error(`enrolment: ${answer.status} ${JSON.stringify(answer.body)}`);
  const enrolment = enrolmentResponseSchema.parse(answer.body);
  let state: AppendState = { clock: initialClock(enrolment.terminal), seq: 0 };
  return {
    enrolment,
    async sign(draft, atMs, id) {
      const makeId = id === undefined ? undefined : () => id;
      const next = nextEvent(enrolment, state, draft, atMs, undefined, makeId);
      state = next.state;
      return signEvent(next.event, keys.privateKey);
    },
    request: (method, path, body) =>
      call(url, method, path, { token: enrolment.token, ...(body === undefined ? {} : { body }) }),
  };
}

/** A refusal's status and code, as a test compares them. */
export const errorOf = (answer: { status: number; body: unknown }) => ({
  status: answer.status,
  code: errorBodySchema.parse(answer.body).error.code,
});

export interface TwoTills {
  readonly store: ServerStore;
  readonly server: RunningServer;
  /** Two terminals of one store of the tenant "Café Nord", "Till 1" and "Till 2". */
  readonly tills: readonly [HttpTerminal, HttpTerminal];
  close(): Promise<void>;
}

/** The server on SQLite in a temp folder, its clock at `nowMs`, with two tills enrolled. */
export async function twoTillsOfOneStore(nowMs: number): Promise<TwoTills> {
  const folder = await mkdtemp(join(tmpdir(), 'treu-two-tills-'));
  const store = openSqliteStore(join(folder, 'treu.sqlite'));
  const server = await startSyncServer(store, () => nowMs);
  const shop = await tenantWithCode(store, 'Café Nord', nowMs);
  const first = await enrolTerminal(server.url, shop.code, 'Till 1');
  const code = await makeEnrolmentCode(store, shop.store.id, nowMs);
  if (!code.ok) throw new Error(code.error);
  const second = await enrolTerminal(server.url, code.value.code, 'Till 2');
  return {
    store,
    server,
    tills: [first, second],
    async close() {
      await server.close();
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
