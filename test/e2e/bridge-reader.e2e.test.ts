/**
 * The terminal with a card reader on the Electron bridge, faked at the thinnest point:
 * `window.treu` in the page, as the preload would expose it. A member is enrolled with an
 * NFC card read by the reader, and later identified and stamped by tapping it; the
 * reader's state and errors show in the status bar; the updater hears whether a member is
 * on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveFolder, type StaticServer } from '../../server/static-files';
import { RENDERER_BUILD } from '../support/build-renderer';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import {
  announcement,
  navButton,
  openTerminal,
  type TerminalBrowser,
  setUpTerminalAs,
} from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('bridge-reader.e2e.test.ts');

/** A bridge whose reader hands the page's listeners to the test, and records the counter's reports. */
const FAKE_BRIDGE = `
window.treuCounterReports = [];
window.treu = {
  reader: {
    onCard(listener) {
      window.treuTapCard = listener;
      return () => { window.treuTapCard = undefined; };
    },
    status: () => Promise.resolve({ ok: true, value: { state: 'connected', device: 'ACME RFID 125' } }),
    onStatus(listener) {
      window.treuReaderStatus = listener;
      return () => { window.treuReaderStatus = undefined; };
    },
  },
  updater: {
    reportCounter(state) {
      window.treuCounterReports.push(state);
      return Promise.resolve({ ok: true, value: null });
    },
  },
};
`;

const sendReaderStatus = (page: Page, status: unknown) =>
  page.evaluate((value) => {
    (window as unknown as { treuReaderStatus: (value: unknown) => void }).treuReaderStatus(value);
  }, status);

const counterReports = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { treuCounterReports: { memberOnScreen: boolean }[] })
        .treuCounterReports,
  );

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
    await setUpTerminalAs(page, 'Café am Markt', 'Jonas', '1357');

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

  it('shows the reader’s state and its errors from the bridge, ignoring a malformed one', async () => {
    const page = terminal.page;
    await expect
      .poll(() => page.getByTestId('status-reader').textContent())
      .toBe('Card reader: ACME RFID 125');
    await sendReaderStatus(page, {
      state: 'error',
      device: 'ACME RFID 125',
      message: 'The reader is plugged in but cannot be opened (access denied).',
    });
    await expect
      .poll(() => page.getByTestId('status-reader').textContent())
      .toBe('Card reader: The reader is plugged in but cannot be opened (access denied).');
    await sendReaderStatus(page, { state: 'on fire' });
    expect(await page.getByTestId('status-reader').textContent()).toBe(
      'Card reader: The reader is plugged in but cannot be opened (access denied).',
    );
    await sendReaderStatus(page, { state: 'searching' });
    await expect
      .poll(() => page.getByTestId('status-reader').textContent())
      .toBe('Card reader: not plugged in');
    await terminal.screenshot('reader-unplugged');
  });

  it('tells the updater while a member is on screen or anything is written, and when the counter is free again', async () => {
    const page = terminal.page;
    await navButton(page, 'Counter').click();
    await tap(page, UID);
    await page.getByRole('heading', { name: 'Ben Ort' }).waitFor();
    await expect
      .poll(async () => (await counterReports(page)).at(-1))
      .toEqual({ memberOnScreen: true, actionInProgress: false });
    // Every write is an action in progress, the enrolment of the first test too (no member
    // on screen then), and the stamp here: the updater must not restart in the middle.
    await page.getByRole('button', { name: '+1 stamp', exact: true }).click();
    await expect
      .poll(async () => (await counterReports(page)).at(-1))
      .toEqual({ memberOnScreen: true, actionInProgress: false });
    const reports = await counterReports(page);
    expect(reports).toContainEqual({ memberOnScreen: false, actionInProgress: true });
    expect(reports).toContainEqual({ memberOnScreen: true, actionInProgress: true });
    await page.getByRole('button', { name: 'Done with this member' }).click();
    await expect
      .poll(async () => (await counterReports(page)).at(-1))
      .toEqual({ memberOnScreen: false, actionInProgress: false });
  });
});
