/**
 * `npm run bench`: runs every `*.bench.ts` in this folder, prints the figures and writes
 * the latest ones into docs/performance.md (between the bench markers). A figure below its
 * goal is reported, never a failure: the exit code says only whether the benches ran.
 *
 * The ledger bench holds a million events several times over and needs a full GC
 * between runs, so this script starts itself again with a larger heap and `gc` exposed
 * when it was not started that way.
 */
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import {
  formatForConsole,
  formatForDocs,
  goalState,
  latencyGoalState,
  type Bench,
  type BenchReport,
} from './report';
import { rewriteFiguresBlock } from './figures-block';

const HEAP_MB = 8192;
const COMMAND = 'npm run bench';
const here = dirname(fileURLToPath(import.meta.url));
const PERFORMANCE_PAGE = 'docs/performance.md';
const performancePage = join(here, '..', '..', PERFORMANCE_PAGE);

function hasRoom(): boolean {
  const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
  return gcExposed && getHeapStatistics().heap_size_limit >= (HEAP_MB - 512) * 1_048_576;
}

/** Starts this script again with the flags it needs; returns its exit code. */
function respawn(): number {
  const args = [
    ...process.execArgv,
    `--max-old-space-size=${HEAP_MB}`,
    '--expose-gc',
    fileURLToPath(import.meta.url),
    ...process.argv.slice(2),
  ];
  const child = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, TREU_BENCH_CHILD: '1' },
  });
  if (child.error) throw child.error;
  return child.status ?? 1;
}

const isBench = (value: unknown): value is Bench =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { name?: unknown }).name === 'string' &&
  typeof (value as { run?: unknown }).run === 'function';

async function loadBenches(only: readonly string[]): Promise<Bench[]> {
  const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort();
  const benches: Bench[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { bench?: unknown };
    if (!isBench(module.bench))
      throw new Error(`${file} does not export a \`bench\` ({ name, run }).`);
    if (only.length === 0 || only.includes(module.bench.name)) benches.push(module.bench);
  }
  return benches;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}`;
}

async function main(): Promise<number> {
  if (!hasRoom()) {
    if (process.env.TREU_BENCH_CHILD === '1')
      throw new Error('Restarted, but still without a large heap and gc.');
    return respawn();
  }
  const only = process.argv.slice(2);
  const started = performance.now();
  const reports: BenchReport[] = [];
  const benches = await loadBenches(only);
  for (const bench of benches) {
    process.stderr.write(`running bench "${bench.name}"…\n`);
    reports.push(await bench.run());
  }
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const date = new Date().toISOString().slice(0, 10);
  process.stdout.write('\n');
  for (const report of reports) process.stdout.write(`${formatForConsole(report)}\n\n`);
  process.stdout.write(`${machine()}; ${date}; ${minutes} min\n`);
  for (const report of reports) {
    for (const figure of report.figures) {
      const state = goalState(figure);
      if (state !== 'no goal') process.stdout.write(`goal ${state}: ${figure.name}\n`);
    }
    for (const figure of report.latencies ?? []) {
      const state = latencyGoalState(figure);
      if (state !== 'no goal') process.stdout.write(`goal ${state}: ${figure.name}\n`);
    }
  }
  // Each bench has its own block in the page: a run of some benches updates theirs. A run
  // on a smaller ledger (TREU_BENCH_EVENTS) is for a quick look, never for the page.
  if (process.env.TREU_BENCH_EVENTS !== undefined) {
    process.stdout.write(`${PERFORMANCE_PAGE}: not written (TREU_BENCH_EVENTS set)\n`);
    return 0;
  }
  for (const [i, report] of reports.entries()) {
    const name = benches[i]?.name ?? '';
    const block = [
      ...formatForDocs(report),
      '',
      `Measured ${date} on ${machine()} with \`${COMMAND}${only.length > 0 ? ` ${only.join(' ')}` : ''}\` (${minutes} min for the run): ${report.method}`,
    ];
    const written = await rewriteFiguresBlock(performancePage, name, block);
    process.stdout.write(
      written
        ? `${PERFORMANCE_PAGE}: "${name}" figures updated\n`
        : `${PERFORMANCE_PAGE}: markers for "${name}" not found, not written\n`,
    );
  }
  return 0;
}

process.exitCode = await main();
