/**
 * What a benchmark hands back to run.ts, and how it is printed: a console table for the
 * person who ran it, a small markdown table for the README.
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

export interface BenchReport {
  readonly title: string;
  readonly figures: readonly Figure[];
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
  return `${summary.runs} runs after ${summary.warmup}`;
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
  const out = [`== ${report.title}`, line(header), ...rows.map(line)];
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

/** The report as a short markdown table for the README, measurements in a line below it. */
export function formatForReadme(report: BenchReport): string[] {
  const out = [
    `| ${report.title} | median | p95 | throughput | goal |`,
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const f of report.figures) {
    const partial = f.summary.complete
      ? ''
      : ` (stopped at its budget after ${formatCount(f.summary.items)} ${f.unit})`;
    out.push(
      `| ${f.name}${partial} | ${formatMs(f.summary.medianMs)} | ${formatMs(f.summary.p95Ms)} | ${formatCount(f.summary.perSecond)} ${f.unit}/s | ${goalText(f)} |`,
    );
  }
  if (report.measurements.length > 0) {
    const text = report.measurements.map((m) => `${m.name}: ${m.value}`).join('; ');
    out.push('', `${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
  }
  return out;
}
