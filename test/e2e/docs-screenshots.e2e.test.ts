/**
 * The pictures of the README and the docs, made by walking the product as its users do,
 * so that they show the real app and can be made again whenever the screens change: a
 * week at the counter of "Café Lindenblatt" (members enrolled, stamps, a free coffee),
 * then the counter, a new member's QR card, the program editor and the reports; and the
 * franchise owner's HQ on the real server with a month of three stores. Each once in
 * English and once in German, the app's own German (the browser's language, as in a
 * German shop).
 *
 * The files go to test-results/docs-images/, or to the folder TREU_DOCS_IMAGES names
 * (`npm run docs:images` writes docs/images/). A fixed clock, time zone, viewport and
 * random numbers keep a second run's pictures the same as the first's. Invented data only.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDraft } from '../../shared/ledger/envelope';
import { coffeeCardRules } from '../../shared/rules/program-schema';
import { createStore, createTenant, makeEnrolmentCode } from '../../server/admin/tenancy';
import { createAdmin } from '../../server/hq/admin-accounts';
import { buildSyncServer } from '../../server/http/sync-server';
import { serveFolder, type StaticServer } from '../../server/static-files';
import { de } from '../../renderer/i18n/de';
import { en, type Messages } from '../../renderer/i18n/en';
import { formatCount } from '../../renderer/hq/format';
import { mulberry32 } from '../bench/prng';
import { RENDERER_BUILD } from '../support/build-renderer';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import { sqliteKind, type OpenedStore } from '../support/server-stores';
import { enrolTerminal, type HttpTerminal } from '../support/sync-harness';
import { announcement, installFakeClock, navButton, openTerminal } from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('docs-screenshots.e2e.test.ts');
// Chromium draws its date fields in its own language, which Debian ships in chromium-l10n.
if (CHROMIUM_AVAILABLE && !existsSync('/usr/lib/chromium/locales/de.pak'))
  console.warn(
    'docs-screenshots.e2e.test.ts: without chromium-l10n, the German pictures show dates as mm/dd/yyyy.',
  );

const OUT = resolve(process.env.TREU_DOCS_IMAGES ?? join('test-results', 'docs-images'));
const VIEWPORT = { width: 1280, height: 800 };
/** For the program editor: its preview, outcome at the foot, is taller than VIEWPORT. */
const TALL_VIEWPORT = { width: 1280, height: 1560 };
const TIME_ZONE = 'Europe/Berlin';
const PIN = '2468';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 16 November 2026, 00:00 in Berlin (UTC+1): the first day of the demo week. */
const MONDAY = Date.UTC(2026, 10, 15, 23);
/** A time of the demo week: `day` 0 is Monday, 4 Friday, -2 the Saturday before. */
const at = (day: number, hour: number, minute = 0) =>
  MONDAY + day * DAY + hour * HOUR + minute * 60_000;

/** The two languages, with words of each written out here to check the app's against. */
const LANGUAGES = [
  {
    code: 'en',
    locale: 'en-US',
    t: en,
    counterHeading: 'Scan a member card',
    hqHeading: 'All stores',
    program: 'Coffee card',
    freeCoffee: 'Free coffee',
    cake: 'Slice of cake',
  },
  {
    code: 'de',
    locale: 'de-DE',
    t: de,
    counterHeading: 'Mitgliedskarte scannen',
    hqHeading: 'Alle Filialen',
    program: 'Kaffeekarte',
    freeCoffee: 'Gratis-Kaffee',
    cake: 'Stück Kuchen',
  },
] as const;
type Language = (typeof LANGUAGES)[number];

/** The same numbers every run: ids and the QR card come out the same (keys do not use it). */
const SEEDED_RANDOM = `(() => {
  let seed = 20261116;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return (x ^ (x >>> 14)) >>> 0;
  };
  Crypto.prototype.getRandomValues = function (array) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
    return array;
  };
})();`;

/** A browser in `language`, its clock stopped at `ms` and then running from there. */
async function openBrowser(url: string, language: Language, ms: number) {
  const browser = await openTerminal(url, {
    name: `docs-${language.code}`,
    locale: language.locale,
    timezoneId: TIME_ZONE,
    initScript: SEEDED_RANDOM,
    // Rastered on one thread, whole: edges come out the same to the last pixel every run.
    args: ['--num-raster-threads=1', '--disable-partial-raster'],
  });
  await browser.page.setViewportSize(VIEWPORT);
  await installFakeClock(browser.page);
  await browser.page.clock.setSystemTime(ms);
  return browser;
}

/** Writes `<screen>.<language>.png` of what the window shows, and checks the file. */
async function photograph(page: Page, screen: string, language: Language, viewport = VIEWPORT) {
  const file = join(OUT, `${screen}.${language.code}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  const png = await readFile(file);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([viewport.width, viewport.height]);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(language.code);
}

/** Moves the page's clock on to `ms`, running the timers due meanwhile. */
async function clockTo(page: Page, ms: number): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  if (ms < now) throw new Error(`the clock cannot go back from ${new Date(now).toISOString()}`);
  await page.clock.fastForward(ms - now);
}

/** Lets the last confirmation fade (it shows for 5 s), so the picture shows the screen. */
async function settle(page: Page): Promise<void> {
  await page.clock.fastForward(6_000);
  await expect.poll(() => announcement(page).textContent()).toBe('');
}

interface Visit {
  readonly at: number;
  readonly name: string;
  readonly stamps: number;
  /** Redeems the free coffee after the stamps. */
  readonly redeem?: boolean;
}

/** The demo week: who came when, and how many coffees they bought. */
const WEEK: readonly Visit[] = [
  { at: at(0, 8, 5), name: 'Lena Vogt', stamps: 1 },
  { at: at(0, 8, 40), name: 'Jonas Wolf', stamps: 2 },
  { at: at(0, 12, 15), name: 'Mia Sommer', stamps: 1 },
  { at: at(0, 16, 30), name: 'Paul Brandt', stamps: 3 },
  { at: at(1, 8, 10), name: 'Lena Vogt', stamps: 1 },
  { at: at(1, 9, 25), name: 'Jonas Wolf', stamps: 4 },
  { at: at(1, 13, 5), name: 'Emma Keller', stamps: 2 },
  { at: at(2, 7, 55), name: 'Lena Vogt', stamps: 2 },
  { at: at(2, 10, 40), name: 'Mia Sommer', stamps: 2 },
  { at: at(2, 15, 20), name: 'Paul Brandt', stamps: 1 },
  { at: at(3, 8, 30), name: 'Jonas Wolf', stamps: 5, redeem: true },
  { at: at(3, 11, 45), name: 'Emma Keller', stamps: 1 },
  { at: at(3, 17, 10), name: 'Lena Vogt', stamps: 1 },
  { at: at(4, 7, 40), name: 'Mia Sommer', stamps: 3 },
  { at: at(4, 8, 5), name: 'Paul Brandt', stamps: 2 },
];
/** The README's picture: Lena at the counter on Friday morning. */
const LAST_VISIT: Visit = { at: at(4, 8, 20), name: 'Lena Vogt', stamps: 2 };
const WEEK_STAMPS = [...WEEK, LAST_VISIT].reduce((sum, v) => sum + v.stamps, 0);
/** The member of the enrolment picture, on Friday afternoon. */
const NEW_MEMBER = { at: at(4, 14, 50), name: 'Noah Fischer', phone: '+49 30 5550 1234' };

async function enrol(page: Page, t: Messages, name: string, phone?: string): Promise<void> {
  await navButton(page, t.nav.enrol).click();
  await page.getByLabel(t.enrol.name, { exact: true }).fill(name);
  if (phone !== undefined) await page.getByLabel(t.enrol.phone, { exact: true }).fill(phone);
  await page.getByRole('button', { name: t.enrol.submit, exact: true }).click();
  await page.getByRole('heading', { name: t.enrol.enrolled(name) }).waitFor();
}

/** Gives `n` stamps to the member at the counter (+1, or the stepper's +N). */
async function giveStamps(page: Page, t: Messages, n: number, balance: number): Promise<void> {
  for (let count = 2; count < n; count++)
    await page.getByRole('button', { name: '+', exact: true }).click();
  await page.getByRole('button', { name: t.counter.stamp(n), exact: true }).click();
  await expect.poll(() => announcement(page).textContent()).toBe(t.counter.stamped(n, balance));
}

/** One visit: the member enrolled first if new, found at the counter by name, stamped. */
async function visit(page: Page, language: Language, balances: Map<string, number>, v: Visit) {
  const { t } = language;
  await clockTo(page, v.at);
  const before = balances.get(v.name);
  if (before === undefined) {
    await enrol(page, t, v.name);
    await page.getByRole('button', { name: t.enrol.toCounter }).click();
  } else {
    await navButton(page, t.nav.counter).click();
    await page.getByLabel(t.counter.search).fill(v.name);
    await page.getByRole('button', { name: new RegExp(v.name) }).click();
  }
  await page.getByRole('heading', { name: v.name }).waitFor();
  let balance = (before ?? 0) + v.stamps;
  await giveStamps(page, t, v.stamps, balance);
  if (v.redeem === true) {
    await clockTo(page, v.at + 60_000);
    await page
      .getByRole('button', { name: `${t.counter.redeem(language.freeCoffee)} (10)` })
      .click();
    await expect
      .poll(() => announcement(page).textContent())
      .toBe(t.counter.redeemed(language.freeCoffee));
    balance -= 10;
  }
  balances.set(v.name, balance);
}

/** The member goes: the counter waits for the next card. */
async function done(page: Page, language: Language) {
  await page.getByRole('button', { name: language.t.counter.close }).click();
  await page.getByRole('heading', { name: language.counterHeading }).waitFor();
}

/** HQ's tenant: three stores of Café Lindenblatt, one terminal each, busy to a degree. */
const HQ_STORES = [
  { name: 'Lindenblatt Mitte', terminal: 'Mitte 1', visitsPerDay: 14 },
  { name: 'Lindenblatt am Hafen', terminal: 'Hafen 1', visitsPerDay: 9 },
  { name: 'Lindenblatt Südstadt', terminal: 'Südstadt 1', visitsPerDay: 6 },
];
/** HQ's now: Friday of the demo week, 17:00. */
const HQ_NOW = at(4, 17);

/** Five weeks of one store's counter up to HQ_NOW: members joining, stamps, free coffees. */
function monthOfStore(index: number, visitsPerDay: number): [number, EventDraft][] {
  // The same numbers every run, for HQ's made-up month.
  const prng = mulberry32(index + 1);
  const random = () => prng.next();
  const program = 'prg_coffee';
  const events: [number, EventDraft][] = [];
  const balances: number[] = [];
  for (let day = -30; day <= 4; day++) {
    const weekend = ((day % 7) + 7) % 7 >= 5;
    const visits = Math.round(visitsPerDay * (weekend ? 1.4 : 1) * (0.6 + 0.8 * random()));
    const hours = day === 4 ? 9 : 11;
    const times = Array.from(
      { length: visits },
      () => at(day, 7) + Math.floor(random() * hours * HOUR),
    ).sort((a, b) => a - b);
    for (const time of times) {
      // Now and then someone new: the more members, the likelier a known face.
      const n = Math.min(Math.floor(random() * (balances.length + 4)), balances.length);
      const member = `mem_s${index}-${n}`;
      if (n === balances.length) {
        balances.push(0);
        const consent = { marketing: random() < 0.6 };
        events.push([time - 60_000, { type: 'member.enrolled', data: { member, consent } }]);
      }
      const count = 1 + Math.floor(random() * 3);
      const data = { member, program, count, reason: 'purchase' as const };
      events.push([time, { type: 'stamps.earned', data }]);
      balances[n] = (balances[n] ?? 0) + count;
      if ((balances[n] ?? 0) >= 10 && random() < 0.8) {
        balances[n] = (balances[n] ?? 0) - 10;
        const reward = { member, program, reward: 'rwd_free-coffee', cost: 10 };
        events.push([time + 30_000, { type: 'reward.redeemed', data: reward }]);
      }
    }
  }
  return events.sort((a, b) => a[0] - b[0]);
}

describe.skipIf(!CHROMIUM_AVAILABLE)('the screenshots of the docs', () => {
  let server: StaticServer;
  let opened: OpenedStore;
  let closeHq: () => Promise<void>;
  let hqUrl: string;
  let password: string;
  let hqWeekStamps = 0;

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    server = await serveFolder(RENDERER_BUILD);

    // HQ: the real server on SQLite, its clock set by the test. The stores open and their
    // terminals enrol an hour apart (HQ lists them in that order), then all push at HQ_NOW.
    opened = await sqliteKind.open();
    let serverNow = at(-45, 9);
    const app = buildSyncServer({
      store: opened.store,
      rendererFolder: RENDERER_BUILD,
      now: () => serverNow,
    });
    hqUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    closeHq = () => app.close();
    const tenant = await createTenant(opened.store, 'Café Lindenblatt', serverNow);
    const tills: { shop: (typeof HQ_STORES)[number]; terminal: HttpTerminal }[] = [];
    for (const shop of HQ_STORES) {
      serverNow += HOUR;
      const made = await createStore(opened.store, tenant.id, shop.name, serverNow);
      if (!made.ok) throw new Error(made.error);
      const code = await makeEnrolmentCode(opened.store, made.value.id, serverNow);
      if (!code.ok) throw new Error(code.error);
      tills.push({ shop, terminal: await enrolTerminal(hqUrl, code.value.code, shop.terminal) });
    }
    serverNow = HQ_NOW;
    for (const [index, { shop, terminal }] of tills.entries()) {
      const month = monthOfStore(index, shop.visitsPerDay);
      if (index === 0) {
        const data = {
          program: 'prg_coffee',
          version: 1,
          name: 'Kaffeekarte',
          rules: coffeeCardRules,
        };
        month.unshift([at(-40, 8), { type: 'program.published', data }]);
      }
      const events = [];
      for (const [ms, draft] of month) {
        events.push(await terminal.sign(draft, ms));
        if (draft.type === 'stamps.earned' && ms >= at(-2, 0)) hqWeekStamps += draft.data.count;
      }
      for (let i = 0; i < events.length; i += 1_000) {
        const answer = await terminal.request('POST', '/v1/events', {
          events: events.slice(i, i + 1_000),
        });
        expect(answer.status).toBe(200);
      }
    }
    const admin = await createAdmin(opened.store, tenant.id, 'owner', HQ_NOW);
    if (!admin.ok) throw new Error(admin.error);
    password = admin.value.password;
  });

  afterAll(async () => {
    await server.close();
    await closeHq();
    await opened.dispose();
  });

  for (const language of LANGUAGES) {
    const { t } = language;

    it(`photographs a week at the counter in ${t.languageName}: counter, enrolment, program editor, reports`, async () => {
      const browser = await openBrowser(server.url, language, at(0, 7, 30));
      try {
        const page = browser.page;
        // First run, in the browser's language.
        await page.getByLabel(t.firstRun.storeName).fill('Café Lindenblatt');
        await page.getByLabel(t.firstRun.managerName).fill('Mara Lind');
        await page.getByLabel(t.firstRun.pin).fill(PIN);
        await page.getByLabel(t.firstRun.pinAgain).fill(PIN);
        await page.getByRole('button', { name: t.firstRun.submit }).click();
        await page.getByRole('heading', { name: language.counterHeading }).waitFor();

        const balances = new Map<string, number>();
        for (const v of WEEK) {
          await visit(page, language, balances, v);
          await done(page, language);
        }
        await visit(page, language, balances, LAST_VISIT);
        await settle(page);
        await page.getByText(language.program, { exact: true }).waitFor();
        await photograph(page, 'counter', language);
        await done(page, language);

        // A new member and their QR card.
        await clockTo(page, NEW_MEMBER.at);
        await enrol(page, t, NEW_MEMBER.name, NEW_MEMBER.phone);
        await page.getByTestId('qr-card').locator('img').waitFor();
        await settle(page);
        await photograph(page, 'enrolment', language);

        // The program editor: a second reward, and the preview of a purchase.
        const managerSection = (name: string) =>
          page
            .getByRole('navigation', { name: t.manager.sections })
            .getByRole('button', { name, exact: true });
        await navButton(page, t.manager.label).click();
        await managerSection(t.programs.title).click();
        await page
          .getByRole('button', { name: t.programs.list.editNamed(language.program) })
          .click();
        await page.getByRole('button', { name: t.programs.fields.addReward }).click();
        const cake = page.getByRole('group', { name: t.programs.fields.reward(2) });
        await cake.getByLabel(t.programs.fields.rewardName).fill(language.cake);
        await cake.getByLabel(t.programs.fields.rewardCost).fill('15');
        await page.getByLabel(t.programs.preview.balance).fill('9');
        await page.getByLabel(t.programs.preview.at).fill('2026-11-20T15:00');
        await page.getByLabel(t.programs.preview.at).blur();
        const outcome = page.getByTestId('program-preview');
        await expect
          .poll(() => outcome.textContent())
          .toContain(t.programs.preview.toNext(4, language.cake));
        await page.setViewportSize(TALL_VIEWPORT);
        await page.evaluate(() => {
          window.scrollTo(0, 0);
        });
        const box = await outcome.boundingBox();
        expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThan(TALL_VIEWPORT.height - 50);
        await photograph(page, 'program-editor', language, TALL_VIEWPORT);
        await page.setViewportSize(VIEWPORT);

        // The reports of the week.
        await managerSection(t.reports.title).click();
        await page.getByRole('button', { name: t.reports.periods.week }).click();
        await expect
          .poll(() =>
            page.getByTestId('figure-stampsEarned').locator('.report-value').textContent(),
          )
          .toBe(String(WEEK_STAMPS));
        await photograph(page, 'reports', language);
      } finally {
        await browser.close();
      }
    }, 240_000);

    it(`photographs the owner's HQ in ${t.languageName}: a month of three stores`, async () => {
      const browser = await openBrowser(`${hqUrl}/hq`, language, HQ_NOW);
      try {
        const page = browser.page;
        await page.getByLabel(t.hq.login.username).fill('owner');
        await page.getByLabel(t.hq.login.password).fill(password);
        await page.getByRole('button', { name: t.hq.login.submit }).click();
        await page.getByRole('heading', { name: language.hqHeading }).waitFor();
        await expect
          .poll(() => page.getByTestId('kpi-stampsEarned').textContent())
          .toContain(formatCount(language.code, hqWeekStamps));
        const rows = page.getByRole('region', { name: t.hq.stores.title }).getByRole('row');
        await expect.poll(() => rows.count()).toBe(HQ_STORES.length + 1);
        await page.locator('.day-bar-chart .recharts-bar-rectangle').first().waitFor();
        await photograph(page, 'hq', language);
      } finally {
        await browser.close();
      }
    });
  }
});
