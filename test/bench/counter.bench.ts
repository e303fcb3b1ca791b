/**
 * The counter bench: the terminal's production build in Debian's Chromium, its IndexedDB
 * preloaded with the ledger bench's 1,000,000 events of 100,000 members (rows made by the
 * shared fold in Node and written straight into the tables), then at least 500 scans by
 * keyboard wedge with "stamp on scan" on: from the Enter that ends the scan to the
 * committed stamp's confirmation on screen. Also card lookups, name searches and program
 * versions that arrive late (late-programs.ts), with the terminal's own functions, in the
 * same browser.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { cardCodeFor } from '../../shared/card-code';
import { foldEvents } from '../../shared/projection/projection';
import { eventRefRows, eventRow } from '../../renderer/storage/event-rows';
import { WEDGE_DEFAULTS } from '../../renderer/scanning/wedge-detector';
import { memberRow } from '../../renderer/storage/stored-views';
import { serveFolder } from '../../server/static-files';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_AVAILABLE } from '../support/chromium';
import type { CounterPageTools } from './counter-page-tools';
import {
  CHANGE_LABELS,
  DAY_MS,
  MINUTE_MS,
  PROGRAM_CHANGES,
  type ProgramChange,
} from './late-programs';
import { BENCH_LEDGER, generateLedger } from './ledger-generator';
import { mulberry32 } from './prng';
import { formatCount, formatMs, type Bench, type BenchReport, type LatencyFigure } from './report';

const SCANS = 520;
/** A cashier's scans come seconds apart; the bench leaves a quarter of a second between them. */
const BETWEEN_SCANS_MS = 250;
const WARM_UP_SCANS = 20;
const LOOKUPS = 500;
/** Program versions published a minute late, then a day late, for each change (each a sample). */
const LATE_MINUTE = 10;
const LATE_DAY = 5;
const CHUNK = 20_000;
const PIN = '2468';
const GOAL_P95_MS = 30;
const root = fileURLToPath(new URL('../..', import.meta.url));

const chromiumVersion = () => execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();

const log = (line: string) => {
  process.stderr.write(`  ${line}\n`);
};

type ToolsWindow = Window & { treuBench: CounterPageTools };
type Sample = {
  readonly domMs: number;
  readonly frameMs: number;
  readonly tone: string;
  readonly text: string;
};
type SampleWindow = Window & { treuSamples: Sample[]; treuKeyGaps: number[] };

/** Counts, in the page, from the Enter of a scan to the confirmation in the DOM and on the next frame. */
const INSTRUMENT = `
window.treuSamples = [];
window.treuKeyGaps = [];
let enterAt;
let keyAt;
addEventListener('keydown', (event) => {
  if (keyAt !== undefined) window.treuKeyGaps.push(event.timeStamp - keyAt);
  keyAt = event.key === 'Enter' ? undefined : event.timeStamp;
  if (event.key === 'Enter') enterAt = event.timeStamp;
}, { capture: true });
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    if (!(node instanceof HTMLElement) || !node.classList.contains('announcement') || enterAt === undefined) continue;
    const start = enterAt;
    enterAt = undefined;
    const domMs = performance.now() - start;
    const tone = node.dataset.tone;
    const text = node.textContent;
    requestAnimationFrame(() => window.treuSamples.push({ domMs, frameMs: performance.now() - start, tone, text }));
  }
}).observe(document, { childList: true, subtree: true });
`;

/** The terminal's build plus the helper page, in one folder served from one origin. */
async function servedFolder(): Promise<string> {
  await build({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  const folder = await mkdtemp(join(tmpdir(), 'treu-counter-bench-'));
  await cp(join(root, 'dist/renderer'), folder, { recursive: true });
  await bundle({
    entryPoints: [join(root, 'test/bench/counter-page-tools.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(folder, 'bench-tools.js'),
    logLevel: 'silent',
  });
  await writeFile(
    join(folder, 'bench-tools.html'),
    '<!doctype html><meta charset="utf-8"><script type="module" src="./bench-tools.js"></script>',
  );
  return folder;
}

/**
 * The ledger to preload: the ledger bench's, or a smaller one of the same kind for a quick
 * look while working on the counter (TREU_BENCH_EVENTS=50000; figures then not comparable).
 */
function benchShape() {
  const events = Number(process.env.TREU_BENCH_EVENTS ?? BENCH_LEDGER.events);
  return events === BENCH_LEDGER.events
    ? BENCH_LEDGER
    : { ...BENCH_LEDGER, events, members: Math.max(1_000, Math.round(events / 10)) };
}

function preloadRows() {
  const ledger = generateLedger(benchShape());
  const { views } = foldEvents(ledger.events);
  const members = [...views.members.values()];
  return {
    ledger,
    tables: {
      events: ledger.events.map((event) => eventRow(event, false)),
      eventRefs: ledger.events.flatMap(eventRefRows),
      members: members.map(memberRow),
      balances: members.flatMap((member) => [...member.balances.values()]),
      cards: [...views.cards.values()],
      redemptions: [...views.redemptions.values()],
      programs: [...views.programs.values()],
    },
    scannable: [...views.cards.values()].filter((card) => {
      const member = views.members.get(card.member);
      return !card.blocked && card.kind === 'qr' && member && !member.erased && !member.mergedInto;
    }),
    names: members.flatMap((member) => (member.name && !member.erased ? [member.name] : [])),
  };
}

async function preload(page: Page, tables: ReturnType<typeof preloadRows>['tables']) {
  const start = performance.now();
  let rows = 0;
  for (const [table, all] of Object.entries(tables)) {
    for (let i = 0; i < all.length; i += CHUNK) {
      const chunk = all.slice(i, i + CHUNK);
      await page.evaluate(
        ([name, json]) => (window as unknown as ToolsWindow).treuBench.put(name as 'events', json),
        [table, JSON.stringify(chunk)] as const,
      );
      rows += chunk.length;
    }
    log(
      `preloaded ${table}: ${formatCount(all.length)} rows (${formatMs(performance.now() - start)})`,
    );
  }
  return { rows, ms: performance.now() - start };
}

interface Scanned {
  readonly samples: Sample[];
  /** Scans typed again because Playwright left a gap longer than a scanner's between two keys. */
  readonly retyped: number;
}

/**
 * Types each code as a wedge scan and waits for its confirmation. Playwright sends every
 * key as its own message; when this process pauses (garbage collection) between two keys
 * longer than the wedge detector allows a scanner, the scan breaks up into typing, which
 * is the harness's fault, not the terminal's: such a scan is typed again and counted.
 */
async function scanAll(page: Page, codes: readonly string[]): Promise<Scanned> {
  const samples: Sample[] = [];
  let retyped = 0;
  for (const [i, code] of codes.entries()) {
    for (;;) {
      await page.waitForTimeout(BETWEEN_SCANS_MS);
      await page.evaluate(() => {
        (window as unknown as SampleWindow).treuSamples = [];
        (window as unknown as SampleWindow).treuKeyGaps = [];
      });
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
      const confirmed = await page
        .waitForFunction(() => (window as unknown as SampleWindow).treuSamples[0], undefined, {
          timeout: 5_000,
        })
        .then((handle) => handle.jsonValue() as Promise<Sample>)
        .catch(() => undefined);
      const gaps = await page.evaluate(() => (window as unknown as SampleWindow).treuKeyGaps);
      const brokenUp = gaps.some((gap) => gap > WEDGE_DEFAULTS.maxGapMs);
      if (confirmed?.tone === 'done' || !brokenUp) {
        if (!confirmed) throw new Error(`scan ${i + 1} (${code}): no confirmation within 5 s`);
        samples.push(confirmed);
        break;
      }
      retyped += 1;
      log(
        `scan ${i + 1}: Playwright paused ${Math.round(Math.max(...gaps))} ms between two keys; typed again`,
      );
    }
    if ((i + 1) % 100 === 0) log(`scanned ${i + 1} of ${codes.length}`);
  }
  return { samples, retyped };
}

async function runCounterBench(): Promise<BenchReport> {
  const shape = benchShape();
  const title = `Counter, ${formatCount(shape.members)} members and ${formatCount(shape.events)} events preloaded`;
  if (!CHROMIUM_AVAILABLE) {
    log(`SKIPPED: ${CHROMIUM} does not exist (apt-get install -y chromium).`);
    return {
      title,
      figures: [],
      measurements: [],
      notes: [],
      method: `not measured: ${CHROMIUM} is missing.`,
    };
  }
  const folder = await servedFolder();
  const server = await serveFolder(folder);
  const profile = await mkdtemp(join(tmpdir(), 'treu-counter-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const { ledger, tables, scannable, names } = preloadRows();
    log(
      `ledger: ${formatCount(ledger.events.length)} events, ${formatCount(tables.members.length)} members`,
    );
    const tools = context.pages()[0] ?? (await context.newPage());
    await tools.goto(`${server.url}bench-tools.html`);
    await tools.waitForFunction(() => 'treuBench' in window);
    const loaded = await preload(tools, tables);
    await tools.evaluate((pin) => (window as unknown as ToolsWindow).treuBench.setUp(pin), PIN);

    const rng = mulberry32(BENCH_LEDGER.seed ^ 0xc0ffee);
    const pick = <T>(items: readonly T[], n: number) =>
      Array.from({ length: n }, () => items[Math.floor(rng.next() * items.length)]).filter(
        (item): item is T => item !== undefined,
      );
    const lookupCodes = pick(scannable, LOOKUPS).map((card) => cardCodeFor(card.id));
    const searchNames = pick(names, LOOKUPS).map((name) => name.split(' ')[0] ?? name);
    const lookupMs = await tools.evaluate(
      (codes) => (window as unknown as ToolsWindow).treuBench.lookups(codes),
      lookupCodes,
    );
    const searchMs = await tools.evaluate(
      (queries) => (window as unknown as ToolsWindow).treuBench.searches(queries),
      searchNames,
    );
    let published = 0;
    const publishLate = async (lateByMs: number, change: ProgramChange, count: number) => {
      const first = published;
      published += count;
      return tools.evaluate(
        ([late, what, n, from]) =>
          (window as unknown as ToolsWindow).treuBench.publishLate(late, what, n, from),
        [lateByMs, change, count, first] as const,
      );
    };
    const lateFigures: LatencyFigure[] = [];
    for (const change of PROGRAM_CHANGES) {
      const what = `a program version with ${CHANGE_LABELS[change]}`;
      lateFigures.push(
        {
          name: `${what}, a minute late: recorded and refolded`,
          samples: await publishLate(MINUTE_MS, change, LATE_MINUTE),
        },
        {
          name: `${what}, a day late: recorded and refolded`,
          samples: await publishLate(DAY_MS, change, LATE_DAY),
        },
      );
    }
    const usage = await tools.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await tools.evaluate(() => {
      (window as unknown as ToolsWindow).treuBench.close();
    });

    const app = await context.newPage();
    await app.addInitScript(INSTRUMENT);
    await app.goto(server.url);
    await app.getByRole('button', { name: 'OK', exact: true }).waitFor();
    await app.keyboard.type(PIN);
    await app.keyboard.press('Enter');
    await app.getByRole('heading', { name: 'Scan a member card' }).waitFor();
    // Distinct cards: a card scanned twice within its cooldown would be refused, not stamped.
    const seen = new Set<string>();
    const scanCodes = scannable
      .filter((card) => !seen.has(card.id) && seen.add(card.id))
      .sort(() => rng.next() - 0.5)
      .slice(0, SCANS)
      .map((card) => cardCodeFor(card.id));
    const { samples, retyped } = await scanAll(app, scanCodes);
    const measured = samples.slice(WARM_UP_SCANS);
    const refused = measured.filter((sample) => sample.tone !== 'done');
    if (refused.length > 0) {
      throw new Error(
        `${refused.length} scans were refused (first: "${refused[0]?.text ?? ''}"): the bench measures stamps.`,
      );
    }

    const latencies: LatencyFigure[] = [
      {
        name: 'scan → stamp committed → confirmation on the next frame',
        samples: measured.map((s) => s.frameMs),
        goalP95Ms: GOAL_P95_MS,
      },
      {
        name: 'scan → stamp committed → confirmation in the DOM',
        samples: measured.map((s) => s.domMs),
      },
      { name: 'card lookup (identify: card, member, balances)', samples: lookupMs },
      { name: 'name search (first name, up to 20 matches)', samples: searchMs },
      ...lateFigures,
    ];
    return {
      title,
      figures: [],
      latencies,
      measurements: [
        { name: 'rows preloaded', value: `${formatCount(loaded.rows)} in ${formatMs(loaded.ms)}` },
        { name: 'IndexedDB in use', value: `${formatCount(usage / 1_000_000)} MB` },
      ],
      notes: [
        `${formatCount(measured.length)} scans measured after ${WARM_UP_SCANS} warm-up scans, ${BETWEEN_SCANS_MS} ms apart, each a different member's QR card typed by Playwright as a keyboard wedge, the terminal set to stamp on scan; every scan committed a stamp (durability strict).`,
        ...(retyped > 0
          ? [
              `${formatCount(retyped)} ${retyped === 1 ? 'scan' : 'scans'} typed again: Playwright paused longer than a scanner between two keys (${WEDGE_DEFAULTS.maxGapMs} ms), so the terminal rightly took them for typing.`,
            ]
          : []),
        `Late programs: for each change, ${LATE_MINUTE} and then ${LATE_DAY} new versions of the stored programs in turn, each published a minute (or a day) before the newest stored stamp and recorded alone, in one read-write transaction, before the scans. A change of rewards is not read by the fold, so nobody is refolded; a change of expiry refolds every member with a later stamp of the program.`,
      ],
      method: `p50/p95/p99 of single operations in headless ${chromiumVersion()}. Method: test/bench/counter.bench.ts.`,
    };
  } finally {
    await context.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

export const bench: Bench = { name: 'counter', run: runCounterBench };
