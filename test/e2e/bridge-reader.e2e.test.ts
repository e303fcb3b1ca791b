/**
 * The terminal with a card reader on the Electron bridge, faked at the thinnest point:
 * `window.treu.reader.onCard` in the page. A member is enrolled with an NFC card read by
 * the reader, and later identified and stamped by tapping it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveFolder, type StaticServer } from '../../server/static-files';
import { RENDERER_BUILD } from '../support/build-renderer';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import { announcement, navButton, openTerminal, type TerminalBrowser } from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('bridge-reader.e2e.test.ts');

/** A bridge whose reader hands the page's listener to the test. */
const FAKE_BRIDGE = `
window.treu = {
  reader: {
    onCard(listener) {
      window.treuTapCard = listener;
      return () => { window.treuTapCard = undefined; };
    },
  },
};
`;

const UID = '04:A2:B3:C4:D5:E6:F7';

const tap = (page: Page, uid: string) =>
  page.evaluate((text) => {
    (window as unknown as { treuTapCard: (text: string) => void }).treuTapCard(text);
  }, uid);

describe.skipIf(!CHROMIUM_AVAILABLE)('the bridge card reader in Chromium', () => {
  let server: StaticServer;
  let terminal: TerminalBrowser;

  beforeAll(async () => {
    server = await serveFolder(RENDERER_BUILD);
    terminal = await openTerminal(server.url, { name: 'bridge-reader', initScript: FAKE_BRIDGE });
  });

  afterAll(async () => {
    await terminal.close();
    await server.close();
  });

  it('enrols with an NFC card from the reader, then identifies and stamps by a tap', async () => {
    const page = terminal.page;
    await page.getByLabel('Store name').fill('Café am Markt');
    await page.getByLabel('Manager’s name').fill('Jonas');
    await page.getByLabel('Manager PIN (4 to 8 digits)').fill('1357');
    await page.getByLabel('PIN again').fill('1357');
    await page.getByRole('button', { name: 'Set up' }).click();
    await page.getByRole('heading', { name: 'Scan a member card' }).waitFor();

    await navButton(page, 'New member').click();
    await page.getByLabel('Name').fill('Ben Ort');
    await page.getByLabel('Scan an NFC or barcode card now').check();
    await page.waitForFunction(() => 'treuTapCard' in window);
    await tap(page, UID);
    await expect.poll(() => page.getByTestId('scanned-card').textContent()).toContain(UID);
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.getByRole('heading', { name: 'Ben Ort enrolled.' }).waitFor();
    await terminal.screenshot('enrolled-nfc');

    await navButton(page, 'Counter').click();
    await tap(page, '04a2b3c4d5e6f7');
    await page.getByRole('heading', { name: 'Ben Ort' }).waitFor();
    await page.getByRole('button', { name: '+1 stamp', exact: true }).click();
    await expect.poll(() => announcement(page).textContent()).toContain('Balance now 1.');

    // A card the terminal does not know is refused in words, and nothing changes.
    await page.getByRole('button', { name: 'Done with this member' }).click();
    await tap(page, '0011223344');
    await expect
      .poll(() => announcement(page).textContent())
      .toContain('This card is not known here');
    await terminal.screenshot('unknown-card');
  });
});
