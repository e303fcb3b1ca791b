/**
 * The manager's Reports and Day-end close end to end, in Debian's Chromium against the
 * production build: first run, a member enrolled, 12 stamps and a free coffee at the
 * counter; the figures, the chart and the CSV file of today's report; then the day
 * closed offline (a terminal without a server), its Z report printed, `day.closed`
 * recorded in IndexedDB, and a second close told the day is closed already. axe finds no
 * serious or critical violation on either screen.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder, type StaticServer } from '../../server/static-files';
import { RENDERER_BUILD } from '../support/build-renderer';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import {
  announcement,
  expectAccessible,
  navButton,
  openTerminal,
  type TerminalBrowser,
  setUpTerminalAs,
} from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('reports.e2e.test.ts');

const PIN = '2468';

/** Today's date in the store's calendar (the KPI default zone). */
const berlinToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(Date.now());

/** Every stored event of the terminal, read straight from IndexedDB. */
function storedEvents(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ type: string; terminal: string; staff?: string; data: unknown }[]>(
        (resolve, reject) => {
          const open = indexedDB.open('treu-terminal');
          open.onerror = () => {
            reject(new Error(String(open.error)));
          };
          open.onsuccess = () => {
            const db = open.result;
            const read = db.transaction('events').objectStore('events').getAll();
            read.onsuccess = () => {
              db.close();
              resolve(
                (read.result as { event: { type: string; terminal: string; data: unknown } }[]).map(
                  (row) => row.event,
                ),
              );
            };
            read.onerror = () => {
              reject(new Error(String(read.error)));
            };
          };
        },
      ),
  );
}

const figure = (page: Page, key: string) =>
  page.getByTestId(`figure-${key}`).locator('.report-value').textContent();

describe.skipIf(!CHROMIUM_AVAILABLE)('reports and the day-end close in Chromium', () => {
  let server: StaticServer;
  let terminal: TerminalBrowser;

  beforeAll(async () => {
    server = await serveFolder(RENDERER_BUILD);
    terminal = await openTerminal(server.url, { name: 'reports' });
  });

  afterAll(async () => {
    await terminal.close();
    await server.close();
  });

  it('shows today’s figures, chart and CSV, then closes the day with a Z report', async () => {
    const page = terminal.page;

    // First run, then a member, 12 stamps and a free coffee at the counter.
    await setUpTerminalAs(page, 'Café Grün', 'Mara Lind', PIN);
    await navButton(page, 'New member').click();
    await page.getByLabel('Name').fill('Anna Berg');
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.getByRole('heading', { name: 'Anna Berg enrolled.' }).waitFor();
    await navButton(page, 'Counter').click();
    await page.getByLabel('Search members').fill('Anna');
    await page.getByRole('button', { name: /Anna Berg/ }).click();
    await page.getByRole('heading', { name: 'Anna Berg' }).waitFor();
    for (let n = 2; n < 10; n++) await page.getByRole('button', { name: '+', exact: true }).click();
    await page.getByRole('button', { name: '+10 stamps', exact: true }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('Balance now 10.');
    await page.getByRole('button', { name: '+1 stamp', exact: true }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('Balance now 11.');
    await page.getByRole('button', { name: '+1 stamp', exact: true }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('Balance now 12.');
    await page.getByRole('button', { name: /Redeem: Free coffee/ }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('Free coffee redeemed.');

    // Reports: today's figures, worked out by hand.
    await navButton(page, 'Manager').click();
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await page.getByTestId('figure-stampsEarned').waitFor();
    expect(await figure(page, 'stampsEarned')).toBe('12'); // 10 + 1 + 1
    expect(await figure(page, 'redemptions')).toBe('1');
    expect(await figure(page, 'stampsRedeemed')).toBe('10');
    expect(await figure(page, 'membersEnrolled')).toBe('1');
    expect(await figure(page, 'activeMembers')).toBe('1');
    expect(await figure(page, 'redemptionRate')).toBe('83.3 %'); // 10 / 12 × 100
    expect(await figure(page, 'repeatVisitRate')).toBe('0 %'); // one day only
    expect(await figure(page, 'retention')).toBe('n/a'); // no customer at the start
    expect(await figure(page, 'overdrafts')).toBe('0');
    await expect
      .poll(() => page.getByTestId('figure-retention').locator('.report-note').textContent())
      .toContain('90 days');
    // The chart: an image with a name, drawn with its bars.
    const chart = page.getByRole('img', { name: /Chart of stamps given and rewards redeemed/ });
    await chart.waitFor();
    expect(await page.getByTestId('trend-chart').locator('.recharts-bar-rectangle').count()).toBe(
      2,
    );
    const today = berlinToday();
    expect(await page.getByTestId('per-day').locator('tbody tr').allTextContents()).toEqual([
      `${today}121`,
    ]);
    const cashierRow = page.getByTestId('per-cashier').locator('tbody tr');
    expect(await cashierRow.allTextContents()).toEqual(['Mara Lind12101000']);
    await terminal.screenshot('reports-today');
    await expectAccessible(page);

    // The CSV file, as the browser saves it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`treu-report-café-grün-today-${today}.csv`);
    const path = await download.path();
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(`Treu report,Café Grün,Today,${today},${today},,,`);
    expect(lines).toContain(
      'Stamps given,12,"Stamps credited in the period, bonuses included; undone stamps and a manager’s adjustments left out.",,,,,',
    );
    expect(lines).toContain(
      'Redemption rate,83.3,Stamps redeemed per stamp given in the period; above 100 % when older stamps are spent.,,,,,',
    );
    expect(lines).toContain(`${today},12,1,,,,,`);
    expect(lines).toContain('Mara Lind,12,1,0,1,0,0,0');
    await expect.poll(() => page.getByText(/^Saved as treu-report-/).count()).toBe(1);

    // This week holds today's figures too.
    await page.getByRole('button', { name: 'This week', exact: true }).click();
    await expect.poll(() => figure(page, 'stampsEarned')).toBe('12');
    expect(await page.getByRole('button', { name: 'This week' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    // Day-end close on a terminal without a server: closed locally, said so.
    await page.getByRole('button', { name: 'Day-end close', exact: true }).click();
    await page.getByRole('button', { name: 'Sync now and close the day' }).click();
    await expect
      .poll(() => page.getByTestId('sync-outcome').textContent())
      .toContain('not connected to a server, so the day is closed on this terminal');
    const totals = page.getByTestId('z-totals');
    await totals.waitFor();
    const stored = await storedEvents(page);
    expect(await totals.locator('tbody tr').allTextContents()).toEqual([
      `Events recorded${stored.length}`, // everything so far, all of it today
      'Stamps given12',
      'Rewards redeemed1',
      'New members1',
      'Undos and voids0',
      'Feedback0',
    ]);
    expect(await page.getByTestId('z-cashiers').locator('tbody tr').allTextContents()).toEqual([
      'Mara Lind12101000',
    ]);
    await expectAccessible(page);
    await terminal.screenshot('z-report');

    // Printing: in a browser, window.print(); on paper only the Z report.
    await page.evaluate(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => {
        counted.printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Print the Z report' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // In the Electron shell the bridge prints; a printer that fails is said in words.
    await page.evaluate(() => {
      (window as unknown as { treu: unknown }).treu = {
        printer: {
          print: () =>
            Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'No printer.' } }),
        },
      };
    });
    await page.getByRole('button', { name: 'Print the Z report' }).click();
    await expect
      .poll(() => page.locator('.day-end').getByRole('alert').textContent())
      .toBe(
        'The Z report was not printed: no printer is available. Check that it is connected and switched on. (No printer.)',
      );
    await page.evaluate(() => {
      delete (window as unknown as { treu?: unknown }).treu;
    });
    await page.getByRole('button', { name: 'Print the Z report' }).click();
    await expect.poll(() => page.locator('.day-end').getByRole('alert').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
    await page.emulateMedia({ media: 'print' });
    const visibility = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).visibility);
    expect(await visibility('[data-testid="z-report"]')).toBe('visible');
    expect(await visibility('.section-nav')).toBe('hidden');
    await page.emulateMedia({ media: 'screen' });

    // Confirm: day.closed is recorded with the totals shown.
    await page.getByRole('button', { name: 'Confirm and close the day' }).click();
    await expect
      .poll(() => page.getByTestId('day-closed').textContent())
      .toContain('Day closed at');
    const closes = (await storedEvents(page)).filter((event) => event.type === 'day.closed');
    expect(closes).toHaveLength(1);
    expect(closes[0]?.data).toMatchObject({
      totals: {
        events: stored.length,
        stamps: 12,
        redemptions: 1,
        enrolments: 1,
        voids: 0,
        feedback: 0,
      },
    });
    expect(await page.getByRole('button', { name: 'Confirm and close the day' }).count()).toBe(0);

    // A second close: nothing has happened since, so the day is closed already.
    await page.getByRole('button', { name: 'Sync now and close the day' }).click();
    await expect
      .poll(() => page.getByTestId('closed-already').textContent())
      .toContain('closed already');
    expect(await page.getByRole('button', { name: 'Confirm and close the day' }).count()).toBe(0);
    expect(await totals.locator('tbody tr').first().textContent()).toBe('Events recorded0');
    await expectAccessible(page);
    await terminal.screenshot('closed-already');
  }, 240_000);
});
