/**
 * The counter end to end, in Debian's Chromium against the production build: first run,
 * sign-in, enrolment, identification by keyboard wedge and by camera (a fake video of
 * the member's QR code), ten stamps, a redemption and its undo, a lost card blocked and
 * replaced, the language switched, and after a reload everything still there.
 * Screenshots of each step land in test-results/e2e.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import { RENDERER_BUILD } from '../support/build-renderer';
import { serveFolder, type StaticServer } from '../../server/static-files';
import {
  announcement,
  navButton,
  expectAccessible,
  openTerminal,
  signInWithPinPad,
  wedgeScan,
  installFakeClock,
  type TerminalBrowser,
} from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('counter.e2e.test.ts');

const PIN = '2468';
const COOLDOWN_MS = 31_000;

describe.skipIf(!CHROMIUM_AVAILABLE)('the counter in Chromium', () => {
  let server: StaticServer;
  let terminal: TerminalBrowser;

  beforeAll(async () => {
    server = await serveFolder(RENDERER_BUILD);
    terminal = await openTerminal(server.url, { name: 'counter' });
  });

  afterAll(async () => {
    await terminal.close();
    await server.close();
  });

  it('runs a cashier’s day from first run to a reload', async () => {
    let page = terminal.page;

    // First run: the store, the manager, a PIN.
    await page.getByLabel('Store name').fill('Café Lindenblatt');
    await page.getByLabel('Manager’s name').fill('Mara Lind');
    await page.getByLabel('Manager PIN (4 to 8 digits)').fill(PIN);
    await page.getByLabel('PIN again').fill('2469');
    await page.getByRole('button', { name: 'Set up' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The two PINs differ');
    await page.getByLabel('PIN again').fill(PIN);
    await terminal.screenshot('first-run');
    await page.getByRole('button', { name: 'Set up' }).click();
    await page.getByRole('heading', { name: 'Scan a member card' }).waitFor();

    // Sign out and in again: a wrong PIN is refused, the right one typed on the keyboard.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInWithPinPad(page, '1111');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Wrong PIN. 4 tries left');
    await terminal.screenshot('sign-in-wrong-pin');
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Scan a member card' }).waitFor();

    // Enrol a member with a new QR card.
    await navButton(page, 'New member').click();
    await page.getByLabel('Name').fill('Anna Berg');
    await page.getByLabel('Phone').fill('+49 30 1234567');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.getByRole('heading', { name: 'Anna Berg enrolled.' }).waitFor();
    const code = await page.getByTestId('qr-card').locator('img').getAttribute('data-card-code');
    expect(code).toMatch(/^TREU1:crd_[0-9a-y]{21}$/);
    if (code === null) throw new Error('no card code');
    await terminal.screenshot('enrolled-qr-card');

    // Identify by keyboard wedge, typed anywhere on the counter screen, even into the search field.
    await navButton(page, 'Counter').click();
    await page.getByLabel('Search members').focus();
    await wedgeScan(page, code);
    await page.getByRole('heading', { name: 'Anna Berg' }).waitFor();
    await terminal.screenshot('identified-by-wedge');
    await page.getByRole('button', { name: 'Done with this member' }).click();
    await expect(page.getByLabel('Search members').inputValue()).resolves.toBe('');

    // Identify by camera: the browser restarts with a camera that sees Anna's card.
    await terminal.restartWithCamera(code);
    page = terminal.page;
    await signInWithPinPad(page, PIN);
    await page.getByRole('button', { name: 'Scan with the camera' }).click();
    await page.getByRole('heading', { name: 'Anna Berg' }).waitFor({ timeout: 30_000 });
    await terminal.screenshot('identified-by-camera');

    // Ten stamps, each after the card's cooldown; a double tap within it is refused.
    await installFakeClock(page);
    for (let stamp = 1; stamp <= 10; stamp++) {
      await page.getByRole('button', { name: '+1 stamp', exact: true }).click();
      await expect.poll(() => announcement(page).textContent()).toContain(`Balance now ${stamp}.`);
      if (stamp === 1) {
        await page.getByRole('button', { name: '+1 stamp', exact: true }).click();
        await expect
          .poll(() => announcement(page).textContent())
          .toContain('This card was just stamped');
      }
      await page.clock.fastForward(COOLDOWN_MS);
    }
    await expect
      .poll(() => page.getByTestId('progress').textContent())
      .toBe('Free coffee can be redeemed now.');
    await terminal.screenshot('ten-stamps');
    await expectAccessible(page);

    // Redeem the free coffee, then undo it.
    await page.getByRole('button', { name: /Redeem: Free coffee/ }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('Free coffee redeemed.');
    await expect
      .poll(() => page.getByTestId('progress').textContent())
      .toBe('10 more stamps to Free coffee.');
    await terminal.screenshot('redeemed');
    await page.getByRole('button', { name: 'Undo last action' }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('Last action undone.');
    await expect
      .poll(() => page.getByTestId('progress').textContent())
      .toBe('Free coffee can be redeemed now.');
    await terminal.screenshot('undone');

    // A lost card: block it and link a new QR card; the balance stays.
    await navButton(page, 'Members').click();
    await page.getByLabel('Search').fill('anna');
    await page.getByRole('button', { name: /Anna Berg/ }).click();
    await page.getByRole('button', { name: 'Card lost: block it and link a new one' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'New QR card' }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('The lost card is blocked');
    await expect.poll(() => page.getByTestId('member-cards').textContent()).toContain('blocked');
    const newCode = await page.getByTestId('qr-card').locator('img').getAttribute('data-card-code');
    if (newCode === null) throw new Error('no new card code');
    await terminal.screenshot('card-replaced');
    await navButton(page, 'Counter').click();
    await wedgeScan(page, code);
    await expect.poll(() => announcement(page).textContent()).toContain('This card is blocked');
    await page.clock.fastForward(6_000);
    await wedgeScan(page, newCode);
    await page.getByRole('heading', { name: 'Anna Berg' }).waitFor();
    await expect
      .poll(() => page.getByTestId('progress').textContent())
      .toBe('Free coffee can be redeemed now.');

    // Stamp on scan: a scan stamps at once; the confirmation comes first, then the member.
    await navButton(page, 'Settings').click();
    await page.getByLabel(/Give one stamp at once when a card is scanned/).check();
    await navButton(page, 'Counter').click();
    await wedgeScan(page, newCode);
    await expect.poll(() => announcement(page).textContent()).toContain('Balance now 11.');
    await page.getByRole('heading', { name: 'Anna Berg' }).waitFor();
    await terminal.screenshot('stamp-on-scan');

    // Switch to German.
    await navButton(page, 'Settings').click();
    await page.getByLabel('Deutsch').check();
    await navButton(page, 'Kasse').waitFor();
    await terminal.screenshot('german');

    // Reload: signed out, everything else still there, in German.
    await page.reload();
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    await signInWithPinPad(page, PIN);
    await navButton(page, 'Mitglieder').click();
    await page.getByLabel('Suchen').fill('Anna');
    await page.getByRole('button', { name: /Anna Berg/ }).click();
    await expect.poll(() => page.getByTestId('member-cards').textContent()).toContain('gesperrt');
    await expect
      .poll(() => page.getByText('Kaffeekarte: 11').or(page.getByText('Coffee card: 11')).count())
      .toBe(1);
    await expect
      .poll(() => page.getByTestId('member-history').locator('li').count())
      .toBeGreaterThan(10);
    await expectAccessible(page);
    await terminal.screenshot('after-reload');
  }, 240_000);
});
