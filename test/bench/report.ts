/**
 * What a benchmark hands back to run.ts, and how it is printed: a console table for the
 * person who ran it, a small markdown table for docs/performance.md.
 */
import type { Summary } from './measure';

export interface Figure {
  readonly name: string;
  /** The unit of `perSecond`, plural: "events", "signatures". */
  readonly unit: string;
  readonly summary: Summary;
  /** A throughput goal, per second, if the issue set one. */
  readonly goalPerSecond?: number;
}

export interface Measurement {
  readonly name: string;
  readonly value: string;
}

/** A latency measured many times: its percentiles, and the goal for p95 if there is one. */
export interface LatencyFigure {
  readonly name: string;
  readonly samples: readonly number[];
  readonly goalP95Ms?: number;
}

export interface BenchReport {
  readonly title: string;
  readonly figures: readonly Figure[];
  readonly latencies?: readonly LatencyFigure[];
  /** How the figures were taken, in a sentence or two, naming the bench's file. */
  readonly method: string;
  /** Figures that are not throughputs: memory, sizes. */
  readonly measurements: readonly Measurement[];
  /** How the figures were taken, in a line each. */
  readonly notes: readonly string[];
}

export interface Bench {
  readonly name: string;
  run(): Promise<BenchReport>;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const formatCount = (n: number): string => grouped.format(n);

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(0)} ms`;
}

export const formatMegabytes = (bytes: number): string => `${formatCount(bytes / 1_048_576)} MB`;

/** Nearest-rank percentile of the samples. */
function percentileOf(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
}

export interface LatencySummary {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export function summariseLatency(figure: LatencyFigure): LatencySummary {
  return {
    p50: percentileOf(figure.samples, 50),
    p95: percentileOf(figure.samples, 95),
    p99: percentileOf(figure.samples, 99),
    max: Math.max(...figure.samples),
  };
}

const formatLatency = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`);

export function latencyGoalState(figure: LatencyFigure): GoalState {
  if (figure.goalP95Ms === undefined) return 'no goal';
  return summariseLatency(figure).p95 <= figure.goalP95Ms ? 'met' : 'not met';
}

function latencyGoalText(figure: LatencyFigure): string {
  if (figure.goalP95Ms === undefined) return '—';
  return `${latencyGoalState(figure)} (p95 ≤ ${figure.goalP95Ms} ms)`;
}

function latencyRows(report: BenchReport): string[][] {
  return (report.latencies ?? []).map((f) => {
    const s = summariseLatency(f);
    return [
      f.name,
      formatCount(f.samples.length),
      formatLatency(s.p50),
      formatLatency(s.p95),
      formatLatency(s.p99),
      formatLatency(s.max),
      latencyGoalText(f),
    ];
  });
}

const LATENCY_HEADER = ['latency', 'samples', 'p50', 'p95', 'p99', 'max', 'goal'];

export type GoalState = 'met' | 'not met' | 'no goal';

export function goalState(figure: Figure): GoalState {
  if (figure.goalPerSecond === undefined) return 'no goal';
  return figure.summary.perSecond >= figure.goalPerSecond ? 'met' : 'not met';
}

function goalText(figure: Figure): string {
  const state = goalState(figure);
  if (figure.goalPerSecond === undefined) return '—';
  return `${state} (≥ ${formatCount(figure.goalPerSecond)}/s)`;
}

function runsText(summary: Summary): string {
  if (!summary.complete)
    return `1 run, stopped at its time budget after ${formatCount(summary.items)}`;
  return `${summary.runs} run${summary.runs === 1 ? '' : 's'} after ${summary.warmup}`;
}

/** The report as plain text for the console. */
export function formatForConsole(report: BenchReport): string {
  const rows = report.figures.map((f) => [
    f.name,
    formatMs(f.summary.medianMs),
    formatMs(f.summary.p95Ms),
    `${formatCount(f.summary.perSecond)} ${f.unit}/s`,
    goalText(f),
    runsText(f.summary),
  ]);
  const header = ['figure', 'median', 'p95', 'throughput', 'goal', 'runs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  const out = [`== ${report.title}`];
  if (rows.length > 0) out.push(line(header), ...rows.map(line));
  const latencies = latencyRows(report);
  if (latencies.length > 0) {
    const lw = LATENCY_HEADER.map((h, i) =>
      Math.max(h.length, ...latencies.map((r) => (r[i] ?? '').length)),
    );
    const lline = (cells: readonly string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(lw[i] ?? 0) : c.padStart(lw[i] ?? 0))).join('  ');
    out.push(lline(LATENCY_HEADER), ...latencies.map(lline));
  }
  for (const f of report.figures) {
    const times = f.summary.times.map(formatMs).join(', ');
    const gc =
      f.summary.gcMedianMs === undefined
        ? ''
        : `; GC pauses inside: median ${formatMs(f.summary.gcMedianMs)}`;
    if (f.summary.times.length > 1 || gc) out.push(`   ${f.name}: runs ${times}${gc}`);
    for (const note of f.summary.notes) out.push(`   ${f.name}: ${note}`);
  }
  if (report.measurements.length > 0) {
    out.push('');
    const width = Math.max(...report.measurements.map((m) => m.name.length));
    for (const m of report.measurements) out.push(`${m.name.padEnd(width)}  ${m.value}`);
  }
  if (report.notes.length > 0) {
    out.push('');
    for (const note of report.notes) out.push(`- ${note}`);
  }
  return out.join('\n');
}

/** The report as a short markdown table for the docs, measurements in a line below it. */
export function formatForDocs(report: BenchReport): string[] {
  const out: string[] = [];
  if (report.figures.length > 0) {
    out.push(
      `| ${report.title} | median | p95 | throughput | goal |`,
      '| --- | ---: | ---: | ---: | --- |',
    );
  }
  for (const f of report.figures) {
    const partial = f.summary.complete
      ? ''
      : ` (stopped at its budget after ${formatCount(f.summary.items)} ${f.unit})`;
    out.push(
      `| ${f.name}${partial} | ${formatMs(f.summary.medianMs)} | ${formatMs(f.summary.p95Ms)} | ${formatCount(f.summary.perSecond)} ${f.unit}/s | ${goalText(f)} |`,
    );
  }
  const latencies = latencyRows(report);
  if (latencies.length > 0) {
    if (out.length > 0) out.push('');
    out.push(
      `| ${report.title}: latency | samples | p50 | p95 | p99 | max | goal |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ...latencies.map((cells) => `| ${cells.join(' | ')} |`),
    );
  }
  if (report.measurements.length > 0) {
    const text = report.measurements.map((m) => `${m.name}: ${m.value}`).join('; ');
    out.push('', `${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
  }
  return out;
}
