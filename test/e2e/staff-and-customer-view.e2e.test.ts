/**
 * The manager's Staff screen and the customer view, in Chromium against the production
 * build: a cashier added (a mismatched PIN refused in words), their PIN reset, the audit
 * listing both; the cashier signs in and sees no manager area; the customer view shows a
 * member their stamps when they scan their own card, takes their feedback, and lets only
 * a PIN leave it. axe on each screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder, type StaticServer } from '../../server/static-files';
import { RENDERER_BUILD } from '../support/build-renderer';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import {
  announcement,
  expectAccessible,
  navButton,
  openTerminal,
  signInWithPinPad,
  wedgeScan,
  type TerminalBrowser,
  setUpTerminalAs,
} from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('staff-and-customer-view.e2e.test.ts');

const PIN = '2468';

describe.skipIf(!CHROMIUM_AVAILABLE)('staff and the customer view in Chromium', () => {
  let server: StaticServer;
  let terminal: TerminalBrowser;

  beforeAll(async () => {
    server = await serveFolder(RENDERER_BUILD);
    terminal = await openTerminal(server.url, { name: 'staff-and-customer-view' });
  });

  afterAll(async () => {
    await terminal.close();
    await server.close();
  });

  it('adds a cashier, resets their PIN and audits both; the cashier sees no manager area', async () => {
    const page = terminal.page;
    await setUpTerminalAs(page, 'Café Hafen', 'Mara Lind', PIN);

    await navButton(page, 'Manager').click();
    await page.getByRole('button', { name: 'Staff', exact: true }).click();
    await page.getByRole('heading', { name: 'Staff', exact: true }).waitFor();
    const form = page.getByRole('form', { name: 'Add a member of staff' });
    await form.getByLabel('Name').fill('Ben Kade');
    await form.getByLabel('PIN (4 to 8 digits)').fill('1357');
    await form.getByLabel('PIN again').fill('1358');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('The two PINs differ');
    await form.getByLabel('PIN again').fill('1357');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(() => announcement(page).textContent())
      .toContain('Ben Kade was added and can sign in now.');
    await expect
      .poll(() => page.getByRole('table', { name: 'Who works here' }).textContent())
      .toContain('Ben Kade');

    await page.getByRole('button', { name: 'Reset PIN: Ben Kade' }).click();
    const reset = page.getByRole('form', { name: 'Reset PIN: Ben Kade' });
    await reset.getByLabel('New PIN for Ben Kade').fill('8642');
    await reset.getByLabel('PIN again').fill('8642');
    await reset.getByRole('button', { name: 'Save PIN' }).click();
    await expect
      .poll(() => announcement(page).textContent())
      .toContain('Ben Kade’s PIN was changed.');
    const changes = page.getByRole('region', { name: 'Changes to the staff list' });
    await expect.poll(() => changes.textContent()).toContain('Mara Lind added Ben Kade as cashier');
    await expect.poll(() => changes.textContent()).toContain('Mara Lind reset Ben Kade’s PIN');
    // The last manager cannot be made a cashier.
    await page.getByRole('button', { name: 'Make cashier: Mara Lind' }).click();
    await page.getByRole('button', { name: 'Make cashier', exact: true }).click();
    await expect
      .poll(() => announcement(page).textContent())
      .toContain('The store needs at least one manager');
    // A manager cannot remove themselves: the button is not offered on their own row.
    expect(await page.getByRole('button', { name: 'Remove: Mara Lind' }).count()).toBe(0);
    await terminal.screenshot('staff');
    await expectAccessible(page);

    // With a second manager, Mara may step down: the manager's area goes at once.
    await form.getByLabel('Name').fill('Lea Roth');
    await form.getByLabel('Role').selectOption('manager');
    await form.getByLabel('PIN (4 to 8 digits)').fill('9753');
    await form.getByLabel('PIN again').fill('9753');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('Lea Roth was added');
    await page.getByRole('button', { name: 'Make cashier: Mara Lind' }).click();
    await page.getByRole('button', { name: 'Make cashier', exact: true }).click();
    await page.getByText('Mara Lind (cashier)').waitFor();
    expect(await navButton(page, 'Manager').count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Ben Kade' }).click();
    await signInWithPinPad(page, '8642');
    await page.getByRole('heading', { name: 'Scan a member card' }).waitFor();
    expect(await navButton(page, 'Manager').count()).toBe(0);
    expect(await page.getByText('Ben Kade (cashier)').count()).toBe(1);
  });

  it('shows a member their own stamps when they scan their card, takes feedback, and needs a PIN to leave', async () => {
    const page = terminal.page;
    await navButton(page, 'New member').click();
    await page.getByLabel('Name').fill('Anna Berg');
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.getByRole('heading', { name: 'Anna Berg enrolled.' }).waitFor();
    const code = await page.getByTestId('qr-card').locator('img').getAttribute('data-card-code');
    if (code === null) throw new Error('no card code');
    await navButton(page, 'Counter').click();
    await wedgeScan(page, code);
    await page.getByRole('heading', { name: 'Anna Berg' }).waitFor();
    await page.getByRole('button', { name: '+1 stamp', exact: true }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('Balance now 1.');
    await page.getByRole('button', { name: 'Done with this member' }).click();

    await page.getByRole('button', { name: 'Customer view' }).click();
    await page.getByRole('heading', { name: 'Scan your card' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectAccessible(page);
    await wedgeScan(page, 'TREU1:crd_0000000000000000000000');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/could not be read|do not know/);

    await wedgeScan(page, code);
    await page.getByRole('heading', { name: 'Hello, Anna!' }).waitFor();
    await expect
      .poll(() => page.getByTestId('progress-prg_coffee').textContent())
      .toBe('9 more stamps to: Free coffee');
    // Read-only: no stamp, redeem or undo control is offered to the customer.
    expect(await page.getByRole('button', { name: /stamp|Redeem|Undo/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Choose from 1 to 5 stars first.');
    await page.getByRole('radio', { name: '5 stars' }).click();
    await page.getByLabel('Anything to tell us? (optional)').fill('Lovely flat white');
    await terminal.screenshot('customer-view');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    const feedback = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const open = indexedDB.open('treu-terminal');
          open.onerror = () => {
            reject(new Error(String(open.error)));
          };
          open.onsuccess = () => {
            const all = open.result.transaction('events').objectStore('events').getAll();
            all.onsuccess = () => {
              const rows = all.result as { event: { type: string; data: unknown } }[];
              resolve(
                rows
                  .filter((row) => row.event.type === 'feedback.given')
                  .map((row) => row.event.data),
              );
            };
          };
        }),
    );
    expect(feedback).toEqual([
      expect.objectContaining({ rating: 5, comment: 'Lovely flat white' }),
    ]);
    await page.getByRole('heading', { name: 'Scan your card' }).waitFor({ timeout: 10_000 });

    await page.getByRole('button', { name: 'Staff: leave' }).click();
    await signInWithPinPad(page, '1111');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong PIN');
    await signInWithPinPad(page, '8642');
    await page.getByRole('heading', { name: 'Scan a member card' }).waitFor();
  });
});
