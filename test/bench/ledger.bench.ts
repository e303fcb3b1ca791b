/**
 * The ledger benchmark: how fast the projection folds a realistic ledger of 1,000,000
 * events (in total order, in a random arrival order, and incrementally in batches, both
 * in total order and in the order a sync delivers the work of terminals that were
 * offline), how fast events are signed and verified, and how much memory the fold takes.
 *
 * Events are handed to the fold the way storage returns them: parsed from JSON, fresh
 * for every run (untimed), so no run profits from string hashes or object layout that an
 * earlier run left behind, and the objects lie in memory in the order they were read.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { canonicalBytes } from '../../shared/ledger/canonical-json';
import { compareEvents } from '../../shared/ledger/order';
import { parseEvent, type LedgerEvent, type UnsignedEvent } from '../../shared/ledger/envelope';
import {
  generateSigningKeyPair,
  signBytes,
  signEvent,
  verifyBytes,
  verifyEvent,
} from '../../shared/ledger/signing';
import { applyEvents, createProjection, foldEvents } from '../../shared/projection/projection';
import { BENCH_LEDGER, generateLedger, type GeneratedLedger } from './ledger-generator';
import type { MemoryFigures } from './ledger-memory';
import { latePublicationLatencies } from './late-programs';
import { idMapsOf, lookUpMembersAndCards, type IdMaps } from './lookup-floor';
import { collectGarbage, percentile, repeat, timed, timedWithGc, type RunResult } from './measure';
import { BENCH_OFFLINE, offlineArrivalOrder } from './offline-arrivals';
import { mulberry32, shuffled } from './prng';
import {
  formatCount,
  formatMegabytes,
  formatMs,
  type Bench,
  type BenchReport,
  type Figure,
} from './report';

const FOLD_GOAL_PER_SECOND = 1_000_000;
const FOLD_RUNS = 5;
const BATCH = 1_000;
const INCREMENTAL_RUNS = 3;
/** An incremental figure stops here, should a change make it slow: the bench must end. */
const INCREMENTAL_BUDGET_MS = 60_000;
const SIGNED_EVENTS = 100_000;
const SIGN_CHUNK = 1_000;
const SIGN_RUNS = 3;
const SIGN_WARMUP_EVENTS = 5_000;
/** Events per JSON chunk: a page of storage, small enough to parse without a huge string. */
const CHUNK = 10_000;

const log = (line: string) => {
  process.stderr.write(`  ${line}\n`);
};

/** The ledger as JSON pages, in the given order: what storage or the network hands over. */
function toJsonPages(events: readonly LedgerEvent[]): string[] {
  const pages: string[] = [];
  for (let i = 0; i < events.length; i += CHUNK)
    pages.push(JSON.stringify(events.slice(i, i + CHUNK)));
  return pages;
}

function fromJsonPages(pages: readonly string[]): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  for (const page of pages)
    for (const event of JSON.parse(page) as LedgerEvent[]) events.push(event);
  return events;
}

/**
 * The fold is measured on valid events only: every 50th event and every event of a rare
 * type goes through the schema. An invalid one is a bug in the generator, not a figure.
 */
function assertValidSample(
  events: readonly LedgerEvent[],
  counts: GeneratedLedger['counts'],
): number {
  let checked = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (!event || (i % 50 !== 0 && (counts[event.type] ?? 0) > 10_000)) continue;
    const parsed = parseEvent(event);
    if (!parsed.ok)
      throw new Error(`Generated event ${event.id} is invalid: ${parsed.error.message}`);
    checked += 1;
  }
  return checked;
}

const stripSig = ({ sig: _sig, ...unsigned }: LedgerEvent): UnsignedEvent => unsigned;

/** Runs `work` over `items` in chunks, each chunk's promises all at once. */
async function inChunks<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += SIGN_CHUNK) {
    out.push(...(await Promise.all(items.slice(i, i + SIGN_CHUNK).map(work))));
  }
  return out;
}

async function figureFold(
  name: string,
  pages: readonly string[],
): Promise<{ figure: Figure; check: string }> {
  let events: LedgerEvent[] = [];
  let check = '';
  const summary = await repeat(
    {
      warmups: 1,
      runs: FOLD_RUNS,
      prepare: () => {
        events = [];
        collectGarbage();
        events = fromJsonPages(pages);
        collectGarbage();
      },
    },
    async (): Promise<RunResult> => {
      const { value: p, ms, gcMs } = await timedWithGc(() => foldEvents(events));
      const redemptions = [...p.views.redemptions.values()];
      check = `${formatCount(p.views.members.size)} members, ${formatCount(p.views.cards.size)} cards, ${formatCount(redemptions.length)} redemptions of which ${formatCount(redemptions.filter((r) => r.overdraft).length)} overdrafts`;
      return { ms, items: events.length, complete: true, gcMs };
    },
  );
  log(`${name}: median ${formatMs(summary.medianMs)}`);
  return { figure: { name, unit: 'events', summary, goalPerSecond: FOLD_GOAL_PER_SECOND }, check };
}

/**
 * The member and card lookups alone, on the same fresh events: the part of the fold's
 * work that no fold over string ids can leave out (lookup-floor.ts).
 */
async function figureLookupFloor(name: string, pages: readonly string[]): Promise<Figure> {
  let events: LedgerEvent[] = [];
  let maps: IdMaps = idMapsOf([]);
  const summary = await repeat(
    {
      warmups: 1,
      runs: FOLD_RUNS,
      prepare: () => {
        events = [];
        maps = idMapsOf([]);
        collectGarbage();
        events = fromJsonPages(pages);
        maps = idMapsOf(events); // copies of the ids, as the fold keeps them
        collectGarbage();
      },
    },
    () => {
      const { value: found, ms } = timed(() => lookUpMembersAndCards(events, maps));
      if (found === 0) throw new Error('No event named a known member or card: a bug.');
      return { ms, items: events.length, complete: true };
    },
  );
  log(`${name}: median ${formatMs(summary.medianMs)}`);
  return { name, unit: 'events', summary };
}

/** applyEvents in batches, in the order given; stops at the budget. */
function incrementalRun(events: readonly LedgerEvent[]): RunResult {
  const p = createProjection();
  const batchMs: number[] = [];
  let withLateProgram = 0;
  let indexBuiltMs: number | undefined;
  let done = 0;
  const start = performance.now();
  while (done < events.length && performance.now() - start < INCREMENTAL_BUDGET_MS) {
    const batch = events.slice(done, done + BATCH);
    const newest = p.ordered.at(-1);
    const hadIndex = p.index !== undefined;
    const t = performance.now();
    applyEvents(p, batch);
    const ms = performance.now() - t;
    batchMs.push(ms);
    const latePublication = (event: LedgerEvent) =>
      event.type === 'program.published' &&
      newest !== undefined &&
      compareEvents(event, newest) < 0;
    if (batch.some(latePublication)) withLateProgram += 1;
    if (!hadIndex && p.index !== undefined) indexBuiltMs = ms;
    done += batch.length;
  }
  const ms = performance.now() - start;
  return {
    ms,
    items: done,
    complete: done === events.length,
    notes: [
      `batches of ${formatCount(BATCH)}: median ${formatMs(percentile(batchMs, 50))}, p95 ${formatMs(percentile(batchMs, 95))}, slowest ${formatMs(Math.max(...batchMs))}`,
      `${formatCount(withLateProgram)} of ${formatCount(batchMs.length)} batches held a program published out of order`,
      indexBuiltMs === undefined
        ? 'no batch needed the cluster index'
        : `the batch that built the cluster index took ${formatMs(indexBuiltMs)}`,
    ],
  };
}

async function figureIncremental(name: string, pages: readonly string[]): Promise<Figure> {
  let events: LedgerEvent[] = [];
  const summary = await repeat(
    {
      warmups: 1,
      runs: INCREMENTAL_RUNS,
      prepare: () => {
        events = [];
        collectGarbage();
        events = fromJsonPages(pages);
        collectGarbage();
      },
    },
    () => incrementalRun(events),
  );
  log(
    `${name}: median ${formatMs(summary.medianMs)}${summary.complete ? '' : ' (stopped at its budget)'}`,
  );
  return { name, unit: 'events', summary };
}

async function figureMemory(pages: readonly string[]): Promise<MemoryFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'treu-bench-'));
  try {
    const file = join(dir, 'ledger.ndjson');
    await writeFile(file, `${pages.join('\n')}\n`);
    const script = fileURLToPath(new URL('./ledger-memory.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...process.execArgv, script, file],
      {
        maxBuffer: 1 << 20,
      },
    );
    return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as MemoryFigures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function figuresSigning(events: readonly LedgerEvent[]): Promise<Figure[]> {
  const { privateKey, publicKey } = await generateSigningKeyPair();
  const unsigned = events.map(stripSig);
  const warm = unsigned.slice(0, SIGN_WARMUP_EVENTS);
  const warmSigned = await inChunks(warm, (e) => signEvent(e, privateKey));
  await inChunks(warmSigned, (e) => verifyEvent(e, publicKey));

  const options = {
    warmups: 0,
    warmupNote: `a ${formatCount(SIGN_WARMUP_EVENTS)}-event warm-up`,
    runs: SIGN_RUNS,
    prepare: collectGarbage,
  };
  const canonical = await repeat(options, () => {
    const { ms } = timed(() => unsigned.map((e) => canonicalBytes(e)));
    return { ms, items: unsigned.length, complete: true };
  });
  let signed: LedgerEvent[] = [];
  const sign = await repeat(options, async () => {
    const start = performance.now();
    signed = await inChunks(unsigned, (e) => signEvent(e, privateKey));
    return { ms: performance.now() - start, items: signed.length, complete: true };
  });
  const verify = await repeat(options, async () => {
    const start = performance.now();
    const valid = await inChunks(signed, (e) => verifyEvent(e, publicKey));
    const ms = performance.now() - start;
    if (valid.some((ok) => !ok)) throw new Error('A freshly signed event did not verify: a bug.');
    return { ms, items: valid.length, complete: true };
  });
  const bytes = unsigned.map((e) => canonicalBytes(e));
  const pairs = signed.map((e, i) => ({ bytes: bytes[i] ?? new Uint8Array(), sig: e.sig }));
  const signRaw = await repeat(options, async () => {
    const start = performance.now();
    const sigs = await inChunks(pairs, (pair) => signBytes(privateKey, pair.bytes));
    return { ms: performance.now() - start, items: sigs.length, complete: true };
  });
  const verifyRaw = await repeat(options, async () => {
    const start = performance.now();
    const valid = await inChunks(pairs, (pair) => verifyBytes(publicKey, pair.bytes, pair.sig));
    const ms = performance.now() - start;
    if (valid.some((ok) => !ok))
      throw new Error('A signature did not verify over its canonical bytes: a bug.');
    return { ms, items: valid.length, complete: true };
  });
  log(`signatures: verify median ${formatMs(verify.medianMs)}`);
  return [
    { name: 'canonical JSON (RFC 8785) of an event', unit: 'events', summary: canonical },
    { name: 'signEvent (canonical JSON + Ed25519)', unit: 'signatures', summary: sign },
    { name: 'verifyEvent (canonical JSON + Ed25519)', unit: 'signatures', summary: verify },
    { name: 'signBytes, raw bytes (Ed25519 only)', unit: 'signatures', summary: signRaw },
    { name: 'verifyBytes, raw bytes (Ed25519 only)', unit: 'signatures', summary: verifyRaw },
  ];
}

async function runLedgerBench(): Promise<BenchReport> {
  const generated = timed(() => generateLedger(BENCH_LEDGER));
  const ledger = generated.value;
  log(`generated ${formatCount(ledger.events.length)} events in ${formatMs(generated.ms)}`);
  const checked = assertValidSample(ledger.events, ledger.counts);
  log(`${formatCount(checked)} of them checked against the event schema: all valid`);
  const inOrder = toJsonPages(ledger.events);
  const arrival = toJsonPages(shuffled(ledger.events, mulberry32(BENCH_LEDGER.seed ^ 0xa5a5)));
  const offline = offlineArrivalOrder(
    ledger.events,
    BENCH_OFFLINE,
    mulberry32(BENCH_LEDGER.seed ^ 0x5a5a),
  );
  const offlinePages = toJsonPages(offline.events);
  const offlineLate = offline.late;
  offline.events.length = 0;
  // Every tenth event in total order: all types, distinct ids, in their usual proportions.
  const toSign = ledger.events.filter((_, i) => i % 10 === 0).slice(0, SIGNED_EVENTS);
  const signable = fromJsonPages(toJsonPages(toSign));
  const { counts, members, terminals, spanDays, doubleRedemptions } = ledger;
  ledger.events.length = 0;
  toSign.length = 0;
  collectGarbage();

  const totalOrder = await figureFold('foldEvents, total order', inOrder);
  const shuffledOrder = await figureFold('foldEvents, random arrival order (incl. sort)', arrival);
  const floor = await figureLookupFloor(
    "only looking up each event's member and card (the floor of any fold)",
    inOrder,
  );
  arrival.length = 0;
  const incremental = await figureIncremental(
    `applyEvents, batches of ${formatCount(BATCH)}, total order`,
    inOrder,
  );
  const incrementalOffline = await figureIncremental(
    `applyEvents, batches of ${formatCount(BATCH)}, as synced from terminals working offline`,
    offlinePages,
  );
  offlinePages.length = 0;
  const late = latePublicationLatencies(fromJsonPages(inOrder), 'the ledger folded');
  log(`late programs: the first (building the cluster index) took ${formatMs(late.firstMs)}`);
  collectGarbage();
  const memory = await figureMemory(inOrder);
  log(`memory: fold in its own process took ${formatMs(memory.foldMs)}`);
  const signing = await figuresSigning(signable);

  const typeCounts = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${type} ${formatCount(n)}`)
    .join(', ');
  return {
    title: `Ledger, ${formatCount(BENCH_LEDGER.events)} events`,
    method: 'median and p95 of repeated runs after a warm-up. Method: test/bench/ledger.bench.ts.',
    figures: [
      totalOrder.figure,
      shuffledOrder.figure,
      floor,
      incremental,
      incrementalOffline,
      ...signing,
    ],
    latencies: late.latencies,
    measurements: [
      { name: 'heap with the events loaded', value: formatMegabytes(memory.heapBeforeFold) },
      { name: 'heap right after the fold', value: formatMegabytes(memory.heapAfterFold) },
      {
        name: 'retained by the projection',
        value: formatMegabytes(memory.heapRetained - memory.heapBeforeFold),
      },
      {
        name: `retained by the incremental fold's cluster index (${formatCount(memory.indexedMembers)} members)`,
        value: formatMegabytes(memory.heapWithIndex - memory.heapRetained),
      },
      { name: 'peak RSS during the fold', value: formatMegabytes(memory.rssPeakDuringFold) },
      { name: 'maxRSS (read and fold)', value: formatMegabytes(memory.maxRss) },
    ],
    notes: [
      `Ledger: seed ${BENCH_LEDGER.seed}, ${formatCount(members)} members, ${terminals} terminals, ${spanDays.toFixed(1)} days, ${formatCount(doubleRedemptions)} deliberate double redemptions; ${typeCounts}.`,
      `Projection after the fold: ${totalOrder.check}; in arrival order: ${shuffledOrder.check}.`,
      'Each fold run gets the events freshly parsed from JSON pages of 10,000 (untimed), after a full GC.',
      `Offline sync order: each terminal is offline on ${BENCH_OFFLINE.spellsPerDay * 100}% of days for ${BENCH_OFFLINE.minHours}–${BENCH_OFFLINE.maxHours} hours; what it does then arrives when it is back. ${formatCount(offlineLate)} events (${((offlineLate / BENCH_LEDGER.events) * 100).toFixed(1)}%) arrive after one that follows them in total order.`,
      `Signatures: ${formatCount(SIGNED_EVENTS)} distinct events (every 10th of the ledger), one key pair, Promise.all over chunks of ${formatCount(SIGN_CHUNK)}, libuv threadpool ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}; ${SIGN_RUNS} runs after a ${formatCount(SIGN_WARMUP_EVENTS)}-event warm-up.`,
      `Late programs: each sample publishes a new version of one of the ledger's programs, a minute or a day before the newest stamp, into the folded ledger (the first such publication, which built the cluster index, took ${formatMs(late.firstMs)} and is not among them). A change of rewards is not read by the fold, so nobody is refolded; a change of expiry refolds every member with a later stamp of the program.`,
      'Memory: one fold in a separate process that read the ledger from an NDJSON file; the heap is sampled before and right after the fold (it is synchronous), the resident set by a worker thread every 2 ms during it.',
    ],
  };
}

export const bench: Bench = { name: 'ledger', run: runLedgerBench };
