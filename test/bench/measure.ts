/**
 * Timing for benchmarks: a warm-up run, then repeated runs, summarised as median and p95.
 * A run may stop itself at a time budget (a figure too slow to repeat within a few
 * minutes); then it is reported as it stands, marked partial, and not repeated.
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface RunResult {
  /** Wall time of the timed part, in milliseconds. */
  readonly ms: number;
  /** How many items (events, signatures) the timed part processed. */
  readonly items: number;
  /** False when the run stopped at its budget before the end. */
  readonly complete: boolean;
  /** Anything else the run wants reported (e.g. how many batches refolded). */
  readonly notes?: readonly string[];
  /** Garbage-collection pauses inside the timed part, when the run measured them. */
  readonly gcMs?: number;
}

export interface Summary {
  readonly runs: number;
  /** What came before the timed runs, in words: "1 warm-up run". */
  readonly warmup: string;
  readonly medianMs: number;
  /** Nearest-rank p95: with five runs, the slowest of them. */
  readonly p95Ms: number;
  /** Items per run divided by the median time, per second. */
  readonly perSecond: number;
  readonly items: number;
  readonly complete: boolean;
  readonly notes: readonly string[];
  /** Every timed run, in milliseconds, in the order they ran. */
  readonly times: readonly number[];
  /** Median of the GC pauses inside the timed runs, when they were measured. */
  readonly gcMedianMs: number | undefined;
}

export interface RepeatOptions {
  /** Full runs made and thrown away before the timed ones. */
  readonly warmups: number;
  /** Says what warmed up instead, when the caller did it (e.g. a slice of the input). */
  readonly warmupNote?: string;
  readonly runs: number;
  /** Called before each run, untimed: fresh input, a full GC. */
  readonly prepare?: () => void;
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarise(results: readonly RunResult[], warmup: string): Summary {
  const times = results.map((r) => r.ms);
  const medianMs = percentile(times, 50);
  const last = results[results.length - 1];
  const items = last?.items ?? 0;
  const gc = results.flatMap((r) => (r.gcMs === undefined ? [] : [r.gcMs]));
  return {
    runs: results.length,
    warmup,
    medianMs,
    p95Ms: percentile(times, 95),
    perSecond: medianMs > 0 ? (items / medianMs) * 1000 : Number.NaN,
    items,
    complete: results.every((r) => r.complete),
    notes: last?.notes ?? [],
    times,
    gcMedianMs: gc.length > 0 ? percentile(gc, 50) : undefined,
  };
}

/**
 * Runs `run` `warmups` times untimed, then `runs` times. A run that stops at its budget
 * ends the series: it is the only result (a warm-up that stops counts as the result).
 */
export async function repeat(
  options: RepeatOptions,
  run: () => RunResult | Promise<RunResult>,
): Promise<Summary> {
  const warmup =
    options.warmupNote ?? `${options.warmups} warm-up run${options.warmups === 1 ? '' : 's'}`;
  for (let i = 0; i < options.warmups; i++) {
    options.prepare?.();
    const warm = await run();
    if (!warm.complete) return summarise([warm], 'no warm-up');
  }
  const results: RunResult[] = [];
  for (let i = 0; i < options.runs; i++) {
    options.prepare?.();
    const result = await run();
    results.push(result);
    if (!result.complete) return summarise([result], warmup);
  }
  return summarise(results, warmup);
}

/** Times a synchronous piece of work. */
export function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

const gcPauses: PerformanceEntry[] = [];
let gcObserver: PerformanceObserver | undefined;

/**
 * Times synchronous work and sums the GC pauses inside it. GC entries reach the observer
 * asynchronously, hence the short wait after the work (outside the timed part).
 */
export async function timedWithGc<T>(
  work: () => T,
): Promise<{ value: T; ms: number; gcMs: number }> {
  if (!gcObserver) {
    gcObserver = new PerformanceObserver((list) => gcPauses.push(...list.getEntries()));
    gcObserver.observe({ entryTypes: ['gc'] });
  }
  gcPauses.length = 0;
  const start = performance.now();
  const value = work();
  const end = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 50));
  let gcMs = 0;
  for (const pause of gcPauses)
    if (pause.startTime >= start && pause.startTime < end) gcMs += pause.duration;
  return { value, ms: end - start, gcMs };
}

/** A full garbage collection when the process runs with --expose-gc (run.ts sees to it). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}
