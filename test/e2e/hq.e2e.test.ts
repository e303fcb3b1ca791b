/**
 * HQ in Chromium against the real server on SQLite serving the production build: the
 * owner signs in, sees the figures of two terminals' events, revokes a terminal (whose
 * next push the server then refuses), downloads the lapsed members as CSV, and axe finds
 * no serious or critical violation on the sign-in page nor on the dashboard. Then, in
 * German: a refusal in German words, and an older period's late answer that does not
 * overwrite the newer period's figures.
 * Screenshots in test-results/e2e/hq/.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDraft } from '../../shared/ledger/envelope';
import { coffeeCardRules } from '../../shared/rules/program-schema';
import { createStore, makeEnrolmentCode } from '../../server/admin/tenancy';
import { createAdmin } from '../../server/hq/admin-accounts';
import { buildSyncServer } from '../../server/http/sync-server';
import { RENDERER_BUILD } from '../support/build-renderer';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import { sqliteKind, type OpenedStore } from '../support/server-stores';
import { enrolTerminal, tenantWithCode, type HttpTerminal } from '../support/sync-harness';
import { expectAccessible, openTerminal, type TerminalBrowser } from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('hq.e2e.test.ts');

const DAY = 86_400_000;

async function push(terminal: HttpTerminal, drafts: [number, EventDraft][]) {
  const events = [];
  for (const [ms, draft] of drafts) events.push(await terminal.sign(draft, ms));
  const answer = await terminal.request('POST', '/v1/events', { events });
  expect(answer.status).toBe(200);
}

describe.skipIf(!CHROMIUM_AVAILABLE)('HQ in the browser', () => {
  let opened: OpenedStore;
  let close: () => Promise<void>;
  let url: string;
  let browser: TerminalBrowser;
  let password: string;
  let front: HttpTerminal;
  let window: HttpTerminal;
  let miaVisitMs: number;

  beforeAll(async () => {
    opened = await sqliteKind.open();
    const app = buildSyncServer({ store: opened.store, rendererFolder: RENDERER_BUILD });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
    const now = Date.now();
    miaVisitMs = now - 70 * DAY + 60_000;
    const tenant = await tenantWithCode(opened.store, 'Café Nord', now);
    const harbour = await createStore(opened.store, tenant.tenant.id, 'Harbour', now + 1);
    if (!harbour.ok) throw new Error(harbour.error);
    const code = await makeEnrolmentCode(opened.store, harbour.value.id, now);
    if (!code.ok) throw new Error(code.error);
    front = await enrolTerminal(url, tenant.code, 'Front till');
    window = await enrolTerminal(url, code.value.code, 'Window till');
    await push(front, [
      [
        now - 80 * DAY,
        {
          type: 'program.published',
          data: { program: 'prg_coffee', version: 1, name: 'Coffee card', rules: coffeeCardRules },
        },
      ],
      [
        now - 70 * DAY,
        {
          type: 'member.enrolled',
          data: {
            member: 'mem_mia',
            name: 'Mia Sommer',
            email: 'mia@example.com',
            consent: { marketing: true },
          },
        },
      ],
      [
        miaVisitMs,
        {
          type: 'stamps.earned',
          data: { member: 'mem_mia', program: 'prg_coffee', count: 1, reason: 'purchase' },
        },
      ],
      [
        now - 60_000,
        {
          type: 'member.enrolled',
          data: { member: 'mem_jonas', name: 'Jonas Berg', consent: { marketing: false } },
        },
      ],
      [
        now - 50_000,
        {
          type: 'stamps.earned',
          data: { member: 'mem_jonas', program: 'prg_coffee', count: 2, reason: 'purchase' },
        },
      ],
    ]);
    await push(window, [
      [
        now - 40_000,
        {
          type: 'stamps.earned',
          data: { member: 'mem_jonas', program: 'prg_coffee', count: 3, reason: 'purchase' },
        },
      ],
    ]);
    const admin = await createAdmin(opened.store, tenant.tenant.id, 'owner', now);
    if (!admin.ok) throw new Error(admin.error);
    password = admin.value.password;
    browser = await openTerminal(`${url}/hq`, { name: 'hq' });
  });

  afterAll(async () => {
    await browser.close();
    await close();
    await opened.dispose();
  });

  it('signs in, shows the figures, revokes a terminal, downloads a segment, accessibly', async () => {
    const page = browser.page;
    await page.getByRole('heading', { name: 'Sign in to HQ' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('User name').fill('owner');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The user name or the password is wrong.');
    await browser.screenshot('wrong-password');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'All stores' }).waitFor();
    await expect.poll(() => page.getByTestId('kpi-stampsEarned').textContent()).toContain('5');
    expect(await page.getByTestId('kpi-membersEnrolled').textContent()).toContain('1');
    const storeRows = page.getByRole('region', { name: 'Per store' }).getByRole('row');
    await expect.poll(() => storeRows.nth(1).textContent()).toContain('Café Nord main street');
    expect(await storeRows.nth(2).textContent()).toContain('Harbour');
    await page.getByRole('img', { name: /^Bar chart of stamps and redemptions per day/ }).waitFor();
    await page.getByText('Show the figures as a table').click();
    await browser.screenshot('dashboard');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Revoke Window till' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Window till is revoked.').waitFor();
    const windowRow = page.getByRole('row', { name: /Window till/ });
    await expect.poll(() => windowRow.textContent()).toContain('revoked');
    await browser.screenshot('revoked');
    const refused = await window.request('POST', '/v1/events', {
      events: [
        await window.sign(
          {
            type: 'stamps.earned',
            data: { member: 'mem_jonas', program: 'prg_coffee', count: 1, reason: 'purchase' },
          },
          Date.now(),
        ),
      ],
    });
    expect(refused.status).toBe(403);
    expect((await front.request('GET', '/v1/events')).status).toBe(200);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download lapsed members' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^treu-lapsed-60-days-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await download.path();
    const csv = await readFile(file, 'utf8');
    expect(csv).toBe(
      `\uFEFFmember,name,email,phone,last_visit,visits\r\nmem_mia,Mia Sommer,mia@example.com,,${new Date(miaVisitMs).toISOString()},1\r\n`,
    );
    await page.getByText(/^Downloaded treu-lapsed/).waitFor();

    await page.getByLabel('Language').first().selectOption('de');
    await page.getByRole('heading', { name: 'Alle Filialen' }).waitFor();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Bei der Zentrale anmelden' }).waitFor();
    await browser.screenshot('signed-out');
  });

  // Goes on from the test above: signed out, the page in German.
  it('says refusals in German, and a late answer of an older period never shows', async () => {
    const page = browser.page;
    await page.getByRole('heading', { name: 'Bei der Zentrale anmelden' }).waitFor();
    await page.getByLabel('Benutzername').fill('owner');
    await page.getByLabel('Passwort').fill('nicht das Passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Benutzername oder Passwort ist falsch.');

    // The month's KPIs are held back until the test lets them go.
    const monthKpis = /\/v1\/reports\/kpis\?period=month/;
    let letMonthGo: () => void = () => undefined;
    const monthHeld = new Promise<void>((resolve) => {
      letMonthGo = resolve;
    });
    let monthAsked: () => void = () => undefined;
    const monthRequested = new Promise<void>((resolve) => {
      monthAsked = resolve;
    });
    const monthSettled = new Promise<void>((resolve) => {
      const settle = (request: { url(): string }) => {
        if (monthKpis.test(request.url())) resolve();
      };
      page.on('requestfinished', settle);
      page.on('requestfailed', settle);
    });
    await page.route(monthKpis, async (route) => {
      monthAsked();
      await monthHeld;
      // The page may have aborted the call meanwhile: then there is nothing to answer.
      await route.continue().catch(() => undefined);
    });

    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Alle Filialen' }).waitFor();
    const shown = page.locator('.hq-progress');
    await expect.poll(() => shown.textContent()).toContain(' bis ');
    const period = page.getByRole('combobox', { name: /^Anzeigen/ });
    await period.selectOption('month');
    await monthRequested;
    await period.selectOption('today');
    // Today is one day: no "from … to …".
    await expect
      .poll(async () => {
        const text = (await shown.textContent()) ?? '';
        return text !== '' && !text.includes('Kennzahlen werden') && !text.includes(' bis ');
      })
      .toBe(true);
    const todayText = await shown.textContent();
    letMonthGo();
    await monthSettled;
    // Two frames: React has rendered whatever the late answer set off.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          requestAnimationFrame(() => {
            requestAnimationFrame(() => {
              resolve();
            });
          });
        }),
    );
    expect(await shown.textContent()).toBe(todayText);
    await page.unroute(monthKpis);
    await browser.screenshot('today-after-late-month');
  });
});
