/**
 * The memory figure of the ledger bench, in a process of its own so that nothing else
 * (the generator, the other figures) is in its peak: read the ledger the way storage
 * returns it (JSON, in total order), fold it once, and report the heap and the resident
 * set around the fold. The fold is synchronous, so the heap can only be sampled before
 * and right after it; a worker thread samples the process's resident set during it.
 *
 * Run by ledger.bench.ts as `node … ledger-memory.ts LEDGER.ndjson`; prints one JSON line.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { buildIndex } from '../../shared/projection/ledger-index';
import { foldEvents } from '../../shared/projection/projection';
import { collectGarbage } from './measure';

export interface MemoryFigures {
  readonly events: number;
  /** Heap in use with the events loaded, before the fold (after a full GC). */
  readonly heapBeforeFold: number;
  /** Heap in use right after the fold, before any forced GC: the sampled peak. */
  readonly heapAfterFold: number;
  /** Heap still in use after a full GC with the projection alive. */
  readonly heapRetained: number;
  /** The same with the incremental fold's cluster index built as well. */
  readonly heapWithIndex: number;
  /** Members the index lists events for (and a use of it after the heap was read). */
  readonly indexedMembers: number;
  readonly rssBeforeFold: number;
  /** The highest resident set the sampler saw during the fold. */
  readonly rssPeakDuringFold: number;
  /** process.resourceUsage().maxRSS of this process, in bytes. */
  readonly maxRss: number;
  readonly foldMs: number;
}

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = 0;
const sample = () => { const rss = process.memoryUsage.rss(); if (rss > peak) peak = rss; };
const timer = setInterval(sample, 2);
parentPort.on('message', () => { sample(); clearInterval(timer); parentPort.postMessage(peak); });
parentPort.postMessage('ready');
`;

async function readLedger(path: string): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length === 0) continue;
    for (const event of JSON.parse(line) as LedgerEvent[]) events.push(event);
  }
  return events;
}

async function measureFoldMemory(path: string): Promise<MemoryFigures> {
  const events = await readLedger(path);
  const sampler = new Worker(SAMPLER, { eval: true });
  await once(sampler, 'message'); // 'ready': sampling has started
  collectGarbage();
  const heapBeforeFold = process.memoryUsage().heapUsed;
  const rssBeforeFold = process.memoryUsage.rss();
  const start = performance.now();
  const projection = foldEvents(events);
  const foldMs = performance.now() - start;
  const heapAfterFold = process.memoryUsage().heapUsed;
  sampler.postMessage('stop');
  const [rssPeakDuringFold] = (await once(sampler, 'message')) as [number];
  await sampler.terminate();
  collectGarbage();
  const heapRetained = process.memoryUsage().heapUsed;
  // What applyEvents adds once an event arrives out of order: the cluster index.
  const index = buildIndex(projection.ordered);
  collectGarbage();
  const heapWithIndex = process.memoryUsage().heapUsed;
  return {
    events: projection.ordered.length,
    indexedMembers: index.byMember.size,
    heapBeforeFold,
    heapAfterFold,
    heapRetained,
    heapWithIndex,
    rssBeforeFold,
    rssPeakDuringFold,
    maxRss: process.resourceUsage().maxRSS * 1024,
    foldMs,
  };
}

const path = process.argv[2];
if (path === undefined) throw new Error('usage: ledger-memory.ts LEDGER.ndjson');
process.stdout.write(`${JSON.stringify(await measureFoldMemory(path))}\n`);
