/**
 * The manager's program editor in Debian's Chromium, on two terminals enrolled with one
 * real sync server (SQLite) that serves the production build: on A the coffee card is
 * edited (stamps per visit, a second reward, a campaign), a bad value is worded beside its field and
 * refuses publishing, the preview says what a purchase would earn, axe finds nothing
 * serious, and version 2 is published; after sync, B stamps a member by the new rule.
 * Then both edit at once: A publishes version 3, and B, whose form was filled from
 * version 2, is refused in words instead of overwriting it, and reopens the newest.
 * Screenshots in test-results/e2e/programs-*.
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
  setUpAndEnrolTill,
  type TerminalBrowser,
} from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('programs.e2e.test.ts');

const PIN = '2468';

async function setUpAndEnrol(terminal: TerminalBrowser, name: string, code: string) {
  await setUpAndEnrolTill(terminal.page, name, code, 'Café Nord, Main Street', PIN);
}

async function openPrograms(page: Page) {
  await navButton(page, 'Manager').click();
  await page
    .getByRole('navigation', { name: 'Manager sections' })
    .getByRole('button', { name: 'Programs', exact: true })
    .click();
  await page.getByRole('heading', { name: 'Programs' }).waitFor();
}

/** The text of the version cell in the program list's row for `name`. */
const versionOf = (page: Page, name: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell')
    .first();

/** Version and name of every program the terminal holds, read straight from IndexedDB. */
function storedPrograms(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: number; name: string }[]>((resolve, reject) => {
        const open = indexedDB.open('treu-terminal');
        open.onerror = () => {
          reject(new Error(String(open.error)));
        };
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('programs').objectStore('programs').getAll();
          read.onsuccess = () => {
            db.close();
            resolve(
              (read.result as { version: number; name: string }[]).map(({ version, name }) => ({
                version,
                name,
              })),
            );
          };
          read.onerror = () => {
            reject(new Error(String(read.error)));
          };
        };
      }),
  );
}

describe.skipIf(!CHROMIUM_AVAILABLE)('the program editor', () => {
  let opened: OpenedStore;
  let close: () => Promise<void>;
  let a: TerminalBrowser;
  let b: TerminalBrowser;

  beforeAll(async () => {
    opened = await sqliteKind.open();
    const app = buildSyncServer({ store: opened.store, rendererFolder: RENDERER_BUILD });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
    a = await openTerminal(url, { name: 'programs-a' });
    b = await openTerminal(url, { name: 'programs-b' });
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
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await close();
    await opened.dispose();
  });

  it('edits the coffee card: a bad value in words, the preview, axe, version 2 published', async () => {
    const page = a.page;
    await openPrograms(page);
    await expect.poll(() => versionOf(page, 'Coffee card').textContent()).toBe('1');
    await page.getByRole('button', { name: 'Edit Coffee card' }).click();
    await page.getByRole('heading', { name: 'Edit Coffee card (version 1)' }).waitFor();
    // Unchanged, there is nothing to publish.
    await expect(page.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
    await page.getByText('Nothing to publish').waitFor();

    // Per visit, with a bad value first: the problem in words beside the field, and a refusal.
    await page.getByRole('radio', { name: 'visit' }).check();
    const stamps = page.getByLabel('Stamps per visit');
    await stamps.fill('0');
    await expect.poll(() => stamps.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Enter 1 or more.').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Not published' });
    await expect
      .poll(() => summary.textContent())
      .toBe('Not published: 1 field needs fixing.Stamps per visit: Enter 1 or more.');
    await expect
      .poll(() => page.getByTestId('program-preview').textContent())
      .toContain('The preview needs valid rules');
    await a.screenshot('bad-value');

    await stamps.fill('2');
    await page.getByRole('button', { name: 'Add a reward' }).click();
    const cake = page.getByRole('group', { name: 'Reward 2' });
    await cake.getByLabel('Name').fill('Free cake');
    await cake.getByLabel('Cost').fill('15');
    await expect(summary.count()).resolves.toBe(0);

    // The preview: a member with 9 stamps visiting gets 2 and can have the free coffee.
    const preview = page.getByTestId('program-preview');
    await expect
      .poll(() => preview.textContent())
      .toBe(
        'A member with 9 stamps visiting:gets 2 stamps for the purchase.2 stamps in all: the card then holds 11.Can redeem: Free coffee (10 stamps).4 more stamps to Free cake.',
      );
    await page.getByLabel('Stamps on the card').fill('3');
    await expect.poll(() => preview.textContent()).toContain('the card then holds 5.');

    // A campaign long past (so B's stamps today are ordinary): the preview, set inside it,
    // doubles the stamps.
    await page.getByRole('button', { name: 'Add a campaign' }).click();
    const campaign = page.getByRole('group', { name: 'Campaign 1' });
    await campaign.getByLabel('Starts (optional)').fill('2020-01-01T00:00');
    await campaign.getByLabel('Ends (optional)').fill('2020-02-01T00:00');
    await page.getByLabel('Date and time (store time)').fill('2020-01-06T15:00');
    await expect.poll(() => preview.textContent()).toContain('+2 stamps from “Double stamps”.');
    await expect.poll(() => preview.textContent()).toContain('the card then holds 7.');
    await campaign.getByLabel('until hour').fill('12');
    await expect
      .poll(() => campaign.textContent())
      .toContain('The “from” hour must come before the “until” hour.');
    await campaign.getByLabel('until hour').fill('16');
    await a.screenshot('preview');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published version 2.').waitFor();
    await page.getByRole('heading', { name: 'Edit Coffee card (version 2)' }).waitFor();
    await expect(page.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
    await a.screenshot('published');
    await page.getByRole('button', { name: 'Back to the programs' }).click();
    await expect.poll(() => versionOf(page, 'Coffee card').textContent()).toBe('2');
    await expectAccessible(page);
  });

  it('reaches the other terminal through sync: B stamps 2 per visit and offers the new reward', async () => {
    const page = b.page;
    await openPrograms(page);
    await expect
      .poll(() => versionOf(page, 'Coffee card').textContent(), { timeout: 20_000 })
      .toBe('2');
    await b.screenshot('program-synced');

    await navButton(page, 'New member').click();
    await page.getByLabel('Name').fill('Jonas Wolf');
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.getByRole('heading', { name: 'Jonas Wolf enrolled.' }).waitFor();
    await page.getByRole('button', { name: 'Go to the counter' }).click();
    await page.getByRole('heading', { name: 'Jonas Wolf' }).waitFor();
    await page.getByRole('button', { name: '+2 stamps', exact: true }).click();
    await expect
      .poll(() => announcement(page).textContent())
      .toContain('2 stamps given. Balance now 2.');
    await page.getByRole('button', { name: /Redeem: Free cake/ }).waitFor();
    await b.screenshot('stamped-by-new-rule');
  });

  it('refuses to publish over a version another terminal published while B edited', async () => {
    const onB = b.page;
    await openPrograms(onB);
    await onB.getByRole('button', { name: 'Edit Coffee card' }).click();
    await onB.getByRole('heading', { name: 'Edit Coffee card (version 2)' }).waitFor();
    await onB.getByLabel('Program name').fill('Coffee pass');

    // Meanwhile A publishes version 3, and sync brings it to B.
    const onA = a.page;
    await onA.getByRole('button', { name: 'Edit Coffee card' }).click();
    await onA.getByRole('heading', { name: 'Edit Coffee card (version 2)' }).waitFor();
    await onA.getByLabel('Program name').fill('Coffee club');
    await onA.getByRole('button', { name: 'Publish' }).click();
    await onA.getByText('Published version 3.').waitFor();
    await expect
      .poll(() => storedPrograms(onB), { timeout: 20_000 })
      .toEqual([{ version: 3, name: 'Coffee club' }]);

    await onB.getByRole('button', { name: 'Publish' }).click();
    await expect
      .poll(() => onB.locator('.program-editor').getByRole('alert').textContent())
      .toContain(
        'This program was changed on another terminal (version 3) while you edited; reopen it.',
      );
    expect(await storedPrograms(onB)).toEqual([{ version: 3, name: 'Coffee club' }]);
    await expectAccessible(onB);
    await b.screenshot('changed-meanwhile');

    await onB.getByRole('button', { name: 'Reopen the newest version' }).click();
    await onB.getByRole('heading', { name: 'Edit Coffee club (version 3)' }).waitFor();
    expect(await onB.getByLabel('Program name').inputValue()).toBe('Coffee club');
  });
});
