/**
 * The sync bench (npm run bench sync): the server in its own process, on SQLite and on
 * PostgreSQL. In each run, first the rate at which this machine verifies Ed25519
 * signatures alone (the ingest's bound), then:
 * - ingest: after a warm-up, 20 terminals push 1,000 signed events each, 500 per request,
 *   8 requests at a time (enough to keep both cores busy); events stored per second, and
 *   that as a ratio of the verification rate;
 * - pull: one terminal pulls those 20,000 events, 1,000 per page;
 * - day-end: 200 terminals push 1,000 events each, all at once; the time until every
 *   event is acknowledged.
 * Events are signed before the clock starts: signing is the terminals' work, not the server's.
 */
import { initialClock } from '../../shared/clock';
import { newId } from '../../shared/ids';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { nextEvent, type AppendState } from '../../shared/ledger/event-factory';
import {
  exportPublicKey,
  generateSigningKeyPair,
  signEvent,
  verifyEvent,
} from '../../shared/ledger/signing';
import {
  enrolmentResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
} from '../../shared/sync/protocol';
import { createStore, createTenant, makeEnrolmentCode } from '../../server/admin/tenancy';
import { POSTGRES_AVAILABLE, POSTGRES_MISSING_REASON } from '../support/throwaway-postgres';
import { formatCount, formatMs, type Bench, type BenchReport, type Figure } from './report';
import { summarise } from './measure';
import { startBenchServer, type BenchServer } from './sync-bench-server';

const INGEST_TERMINALS = 20;
const DAY_END_TERMINALS = 200;
const EVENTS_PER_TERMINAL = 1_000;
const PUSH_BATCH = 500;
const INGEST_CONCURRENCY = 8;
/** Terminals whose pushes warm the server up (JIT, caches, connections) before timing. */
const WARM_UP_TERMINALS = 4;
const DAY_END_GOAL_MS = 30_000;
const INGEST_GOAL_RATIO = { sqlite: 0.5, postgresql: 0.4 } as const;

const log = (line: string) => {
  process.stderr.write(`  ${line}\n`);
};

interface BenchTerminal {
  readonly token: string;
  readonly batches: readonly (readonly LedgerEvent[])[];
  readonly publicKey: CryptoKey;
}

async function enrol(
  server: BenchServer,
  store: string,
  nowMs: number,
): Promise<{
  token: string;
  terminal: string;
  tenant: string;
  storeId: string;
  keys: CryptoKeyPair;
}> {
  const code = await makeEnrolmentCode(server.store, store, nowMs);
  if (!code.ok) throw new Error(code.error);
  const keys = await generateSigningKeyPair();
  const response = await fetch(new URL('/v1/terminals', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: code.value.code,
      name: 'Bench till',
      publicKey: await exportPublicKey(keys.publicKey),
    }),
  });
  const enrolment = enrolmentResponseSchema.parse(await response.json());
  return {
    token: enrolment.token,
    terminal: enrolment.terminal,
    tenant: enrolment.tenant,
    storeId: enrolment.store,
    keys,
  };
}

/** Terminals enrolled in one store, each with its events signed and cut into push batches. */
async function benchTerminals(
  server: BenchServer,
  count: number,
  nowMs: number,
): Promise<BenchTerminal[]> {
  const tenant = await createTenant(server.store, `Bench tenant ${newId('tenant')}`, nowMs);
  const shop = await createStore(server.store, tenant.id, 'Bench store', nowMs);
  if (!shop.ok) throw new Error(shop.error);
  const members = Array.from({ length: 500 }, () => newId('member'));
  const terminals: BenchTerminal[] = [];
  for (let t = 0; t < count; t++) {
    const enrolled = await enrol(server, shop.value.id, nowMs);
    let state: AppendState = { clock: initialClock(enrolled.terminal), seq: 0 };
    const events: LedgerEvent[] = [];
    for (let i = 0; i < EVENTS_PER_TERMINAL; i++) {
      const next = nextEvent(
        { tenant: enrolled.tenant, store: enrolled.storeId, terminal: enrolled.terminal },
        state,
        {
          type: 'stamps.earned',
          data: {
            member: members[(t * 7 + i) % members.length] ?? '',
            program: 'prg_coffee',
            count: 1,
            reason: 'purchase',
          },
        },
        nowMs - 60_000 + i,
        undefined,
      );
      state = next.state;
      events.push(await signEvent(next.event, enrolled.keys.privateKey));
    }
    const batches: LedgerEvent[][] = [];
    for (let i = 0; i < events.length; i += PUSH_BATCH)
      batches.push(events.slice(i, i + PUSH_BATCH));
    terminals.push({ token: enrolled.token, batches, publicKey: enrolled.keys.publicKey });
    if ((t + 1) % 50 === 0) log(`signed the events of ${t + 1} of ${count} terminals`);
  }
  return terminals;
}

async function push(
  server: BenchServer,
  token: string,
  events: readonly LedgerEvent[],
): Promise<number> {
  const response = await fetch(new URL('/v1/events', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  });
  const answer = pushResponseSchema.parse(await response.json());
  if (answer.rejected.length > 0) throw new Error(`rejected: ${answer.rejected[0]?.message ?? ''}`);
  return answer.accepted.length;
}

/** Runs the jobs with at most `limit` at a time. */
async function pooled(jobs: readonly (() => Promise<number>)[], limit: number): Promise<number> {
  let next = 0;
  let total = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) continue;
      // Awaited first: `total += await job()` would read `total` before the wait and lose
      // what other workers added meanwhile.
      const accepted = await job();
      total += accepted;
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return total;
}

/** Verification alone, the way the server does it: a batch's signatures checked together. */
async function verifyAlone(
  terminals: readonly BenchTerminal[],
): Promise<{ n: number; ms: number }> {
  const start = performance.now();
  let n = 0;
  for (const terminal of terminals) {
    for (const batch of terminal.batches) {
      const checks = await Promise.all(
        batch.map((event) => verifyEvent(event, terminal.publicKey)),
      );
      n += checks.filter(Boolean).length;
    }
  }
  return { n, ms: performance.now() - start };
}

function figure(
  name: string,
  unit: string,
  items: number,
  ms: number,
  goalPerSecond?: number,
): Figure {
  return {
    name,
    unit,
    summary: summarise([{ ms, items, complete: true }], 'no warm-up'),
    ...(goalPerSecond === undefined ? {} : { goalPerSecond }),
  };
}

async function benchStore(kind: 'sqlite' | 'postgresql') {
  const label = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  log(`${label}: starting the server`);
  const server = await startBenchServer(kind);
  try {
    const now = Date.now();
    const ingestTerminals = await benchTerminals(server, INGEST_TERMINALS, now);
    const verified = await verifyAlone(ingestTerminals);
    const verifyPerSecond = (verified.n / verified.ms) * 1000;
    log(`${label}: verification alone ${formatCount(verifyPerSecond)}/s`);

    const warmUp = await benchTerminals(server, WARM_UP_TERMINALS, now);
    await pooled(
      warmUp.flatMap((t) => t.batches.map((batch) => () => push(server, t.token, batch))),
      INGEST_CONCURRENCY,
    );
    const ingestStart = performance.now();
    const accepted = await pooled(
      ingestTerminals.flatMap((t) => t.batches.map((batch) => () => push(server, t.token, batch))),
      INGEST_CONCURRENCY,
    );
    const ingestMs = performance.now() - ingestStart;
    const ingestPerSecond = (accepted / ingestMs) * 1000;
    log(`${label}: ingest ${formatCount(ingestPerSecond)}/s`);

    const puller = ingestTerminals[0];
    if (!puller) throw new Error('no terminal');
    const pullStart = performance.now();
    let pulled = 0;
    let cursor: string | undefined;
    for (;;) {
      const query = new URLSearchParams({
        limit: '1000',
        ...(cursor === undefined ? {} : { after: cursor }),
      });
      const response = await fetch(new URL(`/v1/events?${query.toString()}`, server.url), {
        headers: { authorization: `Bearer ${puller.token}` },
      });
      const page = pullResponseSchema.parse(await response.json());
      pulled += page.events.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    const pullMs = performance.now() - pullStart;

    const dayEndTerminals = await benchTerminals(server, DAY_END_TERMINALS, now);
    log(`${label}: day-end, ${DAY_END_TERMINALS} terminals at once`);
    const dayEndStart = performance.now();
    const dayEndAccepted = (
      await Promise.all(
        dayEndTerminals.map(async (t) => {
          let n = 0;
          for (const batch of t.batches) n += await push(server, t.token, batch);
          return n;
        }),
      )
    ).reduce((a, b) => a + b, 0);
    const dayEndMs = performance.now() - dayEndStart;
    log(`${label}: day-end ${formatMs(dayEndMs)}`);

    const ratio = ingestPerSecond / verifyPerSecond;
    return {
      figures: [
        figure(
          `${label}: Ed25519 verification alone (the bound)`,
          'signatures',
          verified.n,
          verified.ms,
        ),
        figure(
          `${label}: ingest, ${INGEST_TERMINALS} terminals × ${formatCount(EVENTS_PER_TERMINAL)}, batches of ${PUSH_BATCH}, ${INGEST_CONCURRENCY} at a time`,
          'events',
          accepted,
          ingestMs,
          Math.ceil(verifyPerSecond * INGEST_GOAL_RATIO[kind]),
        ),
        figure(`${label}: pull, pages of 1,000`, 'events', pulled, pullMs),
        figure(
          `${label}: day-end, ${DAY_END_TERMINALS} terminals × ${formatCount(EVENTS_PER_TERMINAL)} at once`,
          'events',
          dayEndAccepted,
          dayEndMs,
          Math.ceil((dayEndAccepted / DAY_END_GOAL_MS) * 1000),
        ),
      ],
      measurements: [
        {
          name: `${label}: ingest ÷ verification alone`,
          value: `${ratio.toFixed(2)} (goal ≥ ${INGEST_GOAL_RATIO[kind]})`,
        },
        {
          name: `${label}: day-end until all acknowledged`,
          value: `${formatMs(dayEndMs)} (goal ≤ 30 s)`,
        },
      ],
    };
  } finally {
    await server.stop();
  }
}

async function runSyncBench(): Promise<BenchReport> {
  const kinds: ('sqlite' | 'postgresql')[] = POSTGRES_AVAILABLE
    ? ['sqlite', 'postgresql']
    : ['sqlite'];
  const results = [];
  for (const kind of kinds) results.push(await benchStore(kind));
  return {
    title: 'Sync server, in its own process, over HTTP on localhost',
    figures: results.flatMap((r) => r.figures),
    measurements: results.flatMap((r) => r.measurements),
    notes: [
      'Events signed before timing; the server checks schema, scope, clock and signature of each, and stores them in one transaction per request.',
      'The bench’s clients run in the same 2-core machine as the server and PostgreSQL.',
      ...(POSTGRES_AVAILABLE ? [] : [`PostgreSQL not measured: ${POSTGRES_MISSING_REASON}`]),
    ],
    method: `One timed run of each workload, end to end, after ${WARM_UP_TERMINALS} terminals' pushes warmed the server up. SQLite with synchronous FULL; PostgreSQL a throwaway cluster with fsync off (an upper bound for a durable one). Method: test/bench/sync.bench.ts.`,
  };
}

export const bench: Bench = { name: 'sync', run: runSyncBench };
