/**
 * The HQ bench (npm run bench hq): what a franchise owner waits for when the dashboard
 * loads, for a tenant with the ledger bench's million events, on SQLite, over HTTP to the
 * server in its own process. A load is the three calls Dashboard.tsx makes at once (KPIs
 * of every store, overdrafts, terminals), for the ledger's last 30 days:
 * - the first load after the server started: it reads and folds the whole ledger;
 * - a load after new events landed (terminals syncing during the day), the common case
 *   while the shops are open;
 * - a load with nothing new since the one before.
 * The events are stored through the store, as pushes leave them, before the clock starts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hlcWallMs } from '../../shared/clock';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { createAdmin } from '../../server/hq/admin-accounts';
import { eventRecordOf } from '../../server/store/event-record';
import { openServerStore } from '../../server/store/open-store';
import type { ServerStore } from '../../server/store/server-store';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { BENCH_LEDGER, generateLedger } from './ledger-generator';
import { formatCount, formatMs, type Bench, type BenchReport, type LatencyFigure } from './report';

const DAY_MS = 86_400_000;
/** Events that land between two loads: about a minute of a busy franchise's terminals. */
const NEW_EVENTS_PER_LOAD = 100;
const FIRST_LOADS = 3;
const LOADS = 10;
const INSERT_BATCH = 5_000;
const PERIOD_DAYS = 30;

const log = (line: string) => {
  process.stderr.write(`  ${line}\n`);
};

async function insertAll(store: ServerStore, events: readonly LedgerEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += INSERT_BATCH) {
    const outcomes = await store.insertEvents(events.slice(i, i + INSERT_BATCH).map(eventRecordOf));
    const refused = outcomes.filter((outcome) => outcome !== 'accepted');
    if (refused.length > 0) throw new Error(`the store refused bench events: ${refused[0]}`);
  }
}

/** The tenant, its stores (ids as the ledger names them) and an admin; their password. */
async function setUpTenant(store: ServerStore, events: readonly LedgerEvent[], nowMs: number) {
  const first = events[0];
  if (!first) throw new Error('The bench ledger is empty.');
  await store.createTenant({ id: first.tenant, name: 'Bench franchise', createdMs: nowMs });
  for (const id of new Set(events.map((event) => event.store))) {
    await store.createStore({ id, tenant: first.tenant, name: id, createdMs: nowMs });
  }
  const admin = await createAdmin(store, first.tenant, 'bench', nowMs);
  if (!admin.ok) throw new Error(`no bench admin: ${admin.error}`);
  return admin.value.password;
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly cookie: string | undefined;
}

/**
 * One request on a connection of its own: fetch's pool would reuse a connection the
 * server closed while a slow load ran (its keep-alive is 5 s), and fail the load.
 */
function call(
  server: ServerProcess,
  method: 'GET' | 'POST',
  path: string,
  options: { cookie?: string; body?: unknown } = {},
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      new URL(path, server.url),
      {
        method,
        agent: false,
        headers: {
          ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            cookie: response.headers['set-cookie']?.[0]?.split(';')[0],
          });
        });
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

async function logIn(server: ServerProcess, password: string): Promise<string> {
  const answer = await call(server, 'POST', '/v1/hq/login', {
    body: { username: 'bench', password },
  });
  if (answer.status !== 200 || !answer.cookie) {
    throw new Error(`HQ login failed (${answer.status}): ${answer.text}`);
  }
  return answer.cookie;
}

/** One dashboard load: the three calls at once; its time until the last answer is read. */
async function loadDashboard(server: ServerProcess, cookie: string, query: string) {
  const start = performance.now();
  const paths = [
    `/v1/reports/kpis?${query}`,
    `/v1/reports/overdrafts?${query}`,
    '/v1/hq/terminals',
  ];
  const answers = await Promise.all(
    paths.map(async (path) => ({ path, ...(await call(server, 'GET', path, { cookie })) })),
  );
  const ms = performance.now() - start;
  const failed = answers.find((answer) => answer.status !== 200);
  if (failed) throw new Error(`${failed.path} answered ${failed.status}: ${failed.text}`);
  return { ms, kpis: answers[0]?.text ?? '' };
}

/** The ledger's last PERIOD_DAYS days, as HQ's period picker asks for them. */
function periodQueryOf(events: readonly LedgerEvent[]): string {
  const last = events.at(-1);
  if (!last) throw new Error('The bench ledger is empty.');
  const toMs = hlcWallMs(last.hlc);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return new URLSearchParams({
    period: 'custom',
    from: day(toMs - (PERIOD_DAYS - 1) * DAY_MS),
    to: day(toMs),
  }).toString();
}

async function runHqBench(): Promise<BenchReport> {
  const title = `HQ dashboard, ${formatCount(BENCH_LEDGER.events)} events on SQLite, over HTTP`;
  const ledger = generateLedger();
  const { events } = ledger;
  const landing = events.slice(events.length - NEW_EVENTS_PER_LOAD * LOADS);
  const stored = events.slice(0, events.length - landing.length);
  const folder = await mkdtemp(join(tmpdir(), 'treu-hq-bench-'));
  const config = { dataFolder: folder };
  const store = await openServerStore(config);
  let server: ServerProcess | undefined;
  try {
    const password = await setUpTenant(store, events, Date.now());
    const insertStart = performance.now();
    await insertAll(store, stored);
    log(
      `stored ${formatCount(stored.length)} events in ${formatMs(performance.now() - insertStart)}`,
    );
    const query = periodQueryOf(events);

    const firstMs: number[] = [];
    for (let i = 0; i < FIRST_LOADS; i++) {
      await server?.stop();
      server = await startServerProcess(config);
      const cookie = await logIn(server, password);
      firstMs.push((await loadDashboard(server, cookie, query)).ms);
      log(`first load after a start: ${formatMs(firstMs.at(-1) ?? Number.NaN)}`);
    }
    if (!server) throw new Error('The server did not start.');
    const cookie = await logIn(server, password);

    const afterNewMs: number[] = [];
    let previous = '';
    for (let i = 0; i < LOADS; i++) {
      await insertAll(store, landing.slice(i * NEW_EVENTS_PER_LOAD, (i + 1) * NEW_EVENTS_PER_LOAD));
      const load = await loadDashboard(server, cookie, query);
      afterNewMs.push(load.ms);
      previous = load.kpis;
    }
    log(`loads after ${NEW_EVENTS_PER_LOAD} new events: ${afterNewMs.map(formatMs).join(', ')}`);

    const unchangedMs: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const load = await loadDashboard(server, cookie, query);
      if (load.kpis !== previous) throw new Error('The KPIs changed with no new events.');
      unchangedMs.push(load.ms);
    }
    log(`loads with nothing new: ${unchangedMs.map(formatMs).join(', ')}`);

    const latencies: LatencyFigure[] = [
      { name: 'first load after the server started', samples: firstMs },
      {
        name: `a load after ${NEW_EVENTS_PER_LOAD} new events landed`,
        samples: afterNewMs,
      },
      { name: 'a load with nothing new', samples: unchangedMs },
    ];
    return {
      title,
      figures: [],
      latencies,
      measurements: [],
      notes: [
        `A load: GET /v1/reports/kpis and /v1/reports/overdrafts for the ledger's last ${PERIOD_DAYS} days (${query}), and /v1/hq/terminals, at once, as the dashboard asks for them; ${formatCount(new Set(events.map((event) => event.store)).size)} stores.`,
        `The ledger bench's ledger (${formatCount(events.length)} events, ${formatCount(ledger.members)} members), stored in total order; the last ${formatCount(landing.length)} land ${NEW_EVENTS_PER_LOAD} before each of the ${LOADS} loads after new events. First loads: the server process started again each time.`,
      ],
      method: `latency of whole dashboard loads, the server in its own process (server/main.ts) with SQLite in a temp folder. Method: test/bench/hq.bench.ts.`,
    };
  } finally {
    await server?.stop();
    await store.close();
    await rm(folder, { recursive: true, force: true });
  }
}

export const bench: Bench = { name: 'hq', run: runHqBench };
