/**
 * Two terminals in Chromium (two browser profiles) against the real sync server on
 * SQLite, which serves the production build: each set up and enrolled through Settings →
 * Server; a stamp on A shows on B within two seconds while online; both go offline and
 * hand out the same free coffee; back online, both show the overdraft and the same
 * balance; A's manager writes the conflict off and B sees it settled. Screenshots in
 * test-results/e2e/sync-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, createTenant, makeEnrolmentCode } from '../../server/admin/tenancy';
import { buildSyncServer } from '../../server/http/sync-server';
import { RENDERER_BUILD } from '../support/build-renderer';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import { sqliteKind, type OpenedStore } from '../support/server-stores';
import {
  announcement,
  expectAccessible,
  navButton,
  openTerminal,
  wedgeScan,
  setUpAndEnrolTill,
  type TerminalBrowser,
} from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('sync.e2e.test.ts');

const PIN = '2468';

async function setUpAndEnrol(terminal: TerminalBrowser, name: string, code: string) {
  await setUpAndEnrolTill(terminal.page, name, code, 'Café Nord, Main Street', PIN);
  await terminal.screenshot('enrolled');
}

/** Opens a member at the counter by name, through the search. */
async function openMember(page: Page, name: string) {
  await navButton(page, 'Counter').click();
  await page.getByLabel('Search members').fill(name.split(' ')[0] ?? name);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { name }).waitFor();
}

const stampCard = (page: Page) => page.getByRole('img', { name: /^Stamp card/ });

describe.skipIf(!CHROMIUM_AVAILABLE)('two terminals syncing through the server', () => {
  let opened: OpenedStore;
  let close: () => Promise<void>;
  let url: string;
  let a: TerminalBrowser;
  let b: TerminalBrowser;

  beforeAll(async () => {
    opened = await sqliteKind.open();
    const app = buildSyncServer({ store: opened.store, rendererFolder: RENDERER_BUILD });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
    a = await openTerminal(url, { name: 'sync-a' });
    b = await openTerminal(url, { name: 'sync-b' });
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await close();
    await opened.dispose();
  });

  it('shares a stamp within two seconds, and flags an offline double redemption on both', async () => {
    const now = Date.now();
    const tenant = await createTenant(opened.store, 'Café Nord', now);
    const shop = await createStore(opened.store, tenant.id, 'Café Nord, Main Street', now);
    if (!shop.ok) throw new Error(shop.error);
    for (const [terminal, name] of [
      [a, 'A'],
      [b, 'B'],
    ] as const) {
      const code = await makeEnrolmentCode(opened.store, shop.value.id, now);
      if (!code.ok) throw new Error(code.error);
      await setUpAndEnrol(terminal, name, code.value.code);
    }
    await expectAccessible(a.page);

    // A enrols Anna; B finds her once A has synced.
    await navButton(a.page, 'New member').click();
    await a.page.getByLabel('Name').fill('Anna Berg');
    await a.page.getByRole('button', { name: 'Enrol' }).click();
    await a.page.getByRole('heading', { name: 'Anna Berg enrolled.' }).waitFor();
    const card = await a.page.getByTestId('qr-card').locator('img').getAttribute('data-card-code');
    if (card === null) throw new Error('no card code');
    await navButton(a.page, 'Counter').click();
    await wedgeScan(a.page, card);
    await a.page.getByRole('heading', { name: 'Anna Berg' }).waitFor();
    await openMember(b.page, 'Anna Berg');

    // Ten stamps on A (the stepper's +10); B shows them within two seconds.
    for (let i = 2; i < 10; i++)
      await a.page.getByRole('button', { name: '+', exact: true }).click();
    await a.page.getByRole('button', { name: '+10 stamps', exact: true }).click();
    await expect.poll(() => announcement(a.page).textContent()).toContain('Balance now 10.');
    const stampedAt = Date.now();
    await expect
      .poll(() => stampCard(b.page).getAttribute('aria-label'), { timeout: 2_000, interval: 50 })
      .toBe('Stamp card: 10 of 10 stamps');
    const shownAfterMs = Date.now() - stampedAt;
    expect(shownAfterMs).toBeLessThan(2_000);
    await b.screenshot('stamps-from-a');

    // Both offline: the same free coffee handed out twice.
    await a.page.context().setOffline(true);
    await b.page.context().setOffline(true);
    for (const terminal of [a, b]) {
      await terminal.page.getByRole('button', { name: /Redeem: Free coffee/ }).click();
      await expect
        .poll(() => announcement(terminal.page).textContent())
        .toContain('Free coffee redeemed.');
    }
    await a.screenshot('redeemed-offline');

    // Back online: both show the overdraft and the same balance.
    await a.page.context().setOffline(false);
    await b.page.context().setOffline(false);
    for (const terminal of [a, b]) {
      await expect
        .poll(() => terminal.page.getByTestId('overdraft').textContent(), { timeout: 20_000 })
        .toContain('Overdrawn: 1 reward was redeemed');
      await expect
        .poll(() => terminal.page.getByTestId('progress').textContent(), { timeout: 20_000 })
        .toBe('20 more stamps to Free coffee.');
      await expect
        .poll(() => terminal.page.getByTestId('status-pending').textContent())
        .toBe('All synced');
    }
    await a.screenshot('overdraft-on-a');
    await b.screenshot('overdraft-on-b');
    await expectAccessible(b.page);

    // A's manager sees the conflict with both terminals and writes it off; B sees it settled.
    await a.page.getByRole('button', { name: 'Done with this member' }).click();
    await navButton(a.page, 'Manager').click();
    await a.page.getByRole('button', { name: 'Conflicts', exact: true }).click();
    await expect
      .poll(() => a.page.getByTestId('open-conflicts').textContent())
      .toBe('1 open conflict');
    const conflict = a.page.getByRole('article');
    await expect.poll(() => conflict.textContent()).toContain('First redemption');
    await expect.poll(() => conflict.textContent()).toContain('Overdrawing redemption');
    await expect.poll(() => conflict.textContent()).toContain('this terminal');
    // The staff list is the store's, shared through the server: B's manager is named on A.
    await expect.poll(() => conflict.textContent(), { timeout: 40_000 }).toContain('Manager B');
    expect(await conflict.textContent()).not.toContain('(staff of another');
    await expectAccessible(a.page);
    await a.screenshot('conflict');
    await conflict.getByRole('button', { name: 'Write off 10 stamps' }).click();
    await expect
      .poll(() => announcement(a.page).textContent())
      .toContain('Written off: 10 stamps given back.');
    await expect.poll(() => conflict.textContent()).toMatch(/Settled: \+10 by Manager A/);
    await navButton(b.page, 'Manager').click();
    await b.page.getByRole('button', { name: 'Conflicts', exact: true }).click();
    await expect
      .poll(() => b.page.getByRole('article').textContent(), { timeout: 20_000 })
      .toMatch(/Settled: \+10 by Manager A/);
    expect(await b.page.getByTestId('open-conflicts').count()).toBe(0);
  });

  it('enrols itself after the first run when opened at an address with #enrol=CODE', async () => {
    const [tenant] = await opened.store.tenants();
    const [shop] = await opened.store.stores(tenant?.id ?? '');
    const code = await makeEnrolmentCode(opened.store, shop?.id ?? '', Date.now());
    if (!code.ok) throw new Error(code.error);
    const c = await openTerminal(`${url}#enrol=${code.value.code}`, { name: 'sync-c' });
    try {
      const page = c.page;
      await page.getByLabel('Store name').fill('Till C');
      await page.getByLabel('Manager’s name').fill('Manager C');
      await page.getByLabel('Manager PIN (4 to 8 digits)').fill(PIN);
      await page.getByLabel('PIN again').fill(PIN);
      await page.getByRole('button', { name: 'Set up' }).click();
      await expect
        .poll(() => page.getByTestId('status-last-sync').textContent(), { timeout: 15_000 })
        .toMatch(/^Last sync: /);
      expect(new URL(page.url()).hash).toBe('');
      await openMember(page, 'Anna Berg');
      await expect.poll(() => page.getByTestId('overdraft').textContent()).toContain('Overdrawn');
      await c.screenshot('enrolled-from-address');
    } finally {
      await c.close();
    }
  });
});
