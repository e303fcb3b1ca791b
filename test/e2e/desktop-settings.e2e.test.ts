/**
 * The desktop terminal's settings and printing a member card, in Chromium with a fake
 * Electron bridge (`window.treu` put in the page before the app, as the preload would):
 * the section is there with the bridge and absent without it; choosing a reader, the
 * window mode, "Check now" and "Quit Treu" go over the bridge, and a bridge error is said
 * in words; a card prints through the bridge on the printer chosen in Settings, or through
 * the browser's dialog, and on paper there is only the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveFolder, type StaticServer } from '../../server/static-files';
import { RENDERER_BUILD } from '../support/build-renderer';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import {
  expectAccessible,
  navButton,
  openTerminal,
  signInWithPinPad,
  type TerminalBrowser,
  setUpTerminalAs,
} from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('desktop-settings.e2e.test.ts');

/**
 * A bridge that records every changing call in `treuCalls`. `treuFailNext[name]` makes
 * the next call of that name answer with that error; "Check now" answers only when the
 * test calls `treuFinishCheck`.
 */
const FAKE_BRIDGE = `
window.treuCalls = [];
window.treuFailNext = {};
const answer = (name, value) => {
  const error = window.treuFailNext[name];
  if (error) {
    delete window.treuFailNext[name];
    return Promise.resolve({ ok: false, error });
  }
  return Promise.resolve({ ok: true, value });
};
const record = (name, argument) => window.treuCalls.push({ name, argument });
const DEVICES = [
  { vendorId: 0x08ff, productId: 0x0009, name: 'ACME RFID 125', known: true },
  { vendorId: 0x046d, productId: 0xc31c, name: 'Office keyboard', known: false },
];
let mode = 'kiosk';
window.treu = {
  reader: {
    status: () => answer('reader.status', { state: 'searching' }),
    devices: () => answer('reader.devices', DEVICES),
    choose(choice) {
      record('reader.choose', choice);
      const device = DEVICES.find((d) => d.vendorId === choice.vendorId && d.productId === choice.productId);
      const status = choice.kind === 'off' ? { state: 'off' }
        : { state: 'connected', device: device ? device.name : 'ACME RFID 125' };
      return answer('reader.choose', status);
    },
    onCard: () => () => undefined,
    onStatus: () => () => undefined,
  },
  updater: {
    status: () => answer('updater.status', { state: 'up_to_date' }),
    checkNow() {
      record('updater.checkNow');
      return new Promise((resolve) => {
        window.treuFinishCheck = () =>
          resolve({ ok: true, value: { state: 'downloading', version: '1.4.0', percent: 40 } });
      });
    },
    useServer: () => answer('updater.useServer', { state: 'up_to_date' }),
    reportCounter: () => answer('updater.reportCounter', null),
    onStatus: () => () => undefined,
  },
  printer: {
    list: () => answer('printer.list', ['Card printer', 'Office A4']),
    print(request) {
      record('printer.print', request);
      return answer('printer.print', null);
    },
  },
  kiosk: {
    mode: () => answer('kiosk.mode', mode),
    setMode(wanted) {
      record('kiosk.setMode', wanted);
      mode = wanted;
      return answer('kiosk.setMode', wanted);
    },
  },
  app: {
    info: () => answer('app.info', { version: '1.3.0', platform: 'linux', electron: '37.2.0' }),
    quit() {
      record('app.quit');
      return answer('app.quit', null);
    },
  },
};
`;

/** A browser: no bridge, and a print dialog that only counts. */
const BROWSER_PRINT = `
window.treuDialogs = 0;
window.print = () => { window.treuDialogs += 1; };
`;

interface Call {
  name: string;
  argument?: unknown;
}

const calls = (page: Page, name: string) =>
  page.evaluate(
    (wanted) =>
      (window as unknown as { treuCalls: Call[] }).treuCalls.filter((call) => call.name === wanted),
    name,
  );

const failNext = (page: Page, name: string, error: { code: string; message: string }) =>
  page.evaluate(
    ([wanted, value]) => {
      (window as unknown as { treuFailNext: Record<string, unknown> }).treuFailNext[wanted] = value;
    },
    [name, error] as const,
  );

async function setUp(page: Page): Promise<void> {
  await setUpTerminalAs(page, 'Café am Markt', 'Jonas', '1357');
}

async function enrol(page: Page, name: string): Promise<void> {
  await navButton(page, 'New member').click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Enrol' }).click();
  await page.getByRole('heading', { name: `${name} enrolled.` }).waitFor();
}

/** An ID-1 card, 85.6 mm wide, in CSS pixels (96 per inch). */
const CARD_WIDTH_PX = (85.6 / 25.4) * 96;

describe.skipIf(!CHROMIUM_AVAILABLE)('the desktop terminal’s settings in Chromium', () => {
  let server: StaticServer;
  let desktop: TerminalBrowser;
  let browser: TerminalBrowser;

  beforeAll(async () => {
    server = await serveFolder(RENDERER_BUILD);
    desktop = await openTerminal(server.url, { name: 'desktop-settings', initScript: FAKE_BRIDGE });
    browser = await openTerminal(server.url, {
      name: 'desktop-settings-browser',
      initScript: BROWSER_PRINT,
    });
  });

  afterAll(async () => {
    await desktop.close();
    await browser.close();
    await server.close();
  });

  it('shows the section with the bridge; a reader is chosen by its ids and its state shows', async () => {
    const page = desktop.page;
    await setUp(page);
    await navButton(page, 'Settings').click();
    const section = page.getByTestId('desktop-settings');
    await section.getByRole('heading', { name: 'This desktop terminal' }).waitFor();
    await expect
      .poll(() => page.getByTestId('desktop-reader-status').textContent())
      .toBe('Card reader: not plugged in');
    const acme = section.getByRole('listitem').filter({ hasText: 'ACME RFID 125' });
    await expect.poll(() => acme.textContent()).toContain('known card reader');
    await expect.poll(() => acme.textContent()).toContain('USB 08ff:0009');
    expect(
      await section.getByRole('listitem').filter({ hasText: 'Office keyboard' }).textContent(),
    ).not.toContain('known card reader');
    await expect.poll(() => page.getByTestId('desktop-app-info').textContent()).toContain('1.3.0');
    await desktop.screenshot('desktop-section');
    await expectAccessible(page);

    await section.getByRole('button', { name: 'Use Office keyboard' }).click();
    await expect
      .poll(() => page.getByTestId('desktop-reader-status').textContent())
      .toBe('Card reader: Office keyboard');
    await section.getByRole('button', { name: 'Use ACME RFID 125' }).click();
    await expect
      .poll(() => page.getByTestId('desktop-reader-status').textContent())
      .toBe('Card reader: ACME RFID 125');
    await section.getByRole('button', { name: 'Turn the card reader off' }).click();
    await expect
      .poll(() => page.getByTestId('desktop-reader-status').textContent())
      .toBe('Card reader: off');
    await section.getByRole('button', { name: 'Use any known reader' }).click();
    await expect
      .poll(async () => (await calls(page, 'reader.choose')).map((call) => call.argument))
      .toEqual([
        { kind: 'device', vendorId: 0x046d, productId: 0xc31c },
        { kind: 'device', vendorId: 0x08ff, productId: 0x0009 },
        { kind: 'off' },
        { kind: 'known' },
      ]);
  });

  it('says a bridge error in words', async () => {
    const page = desktop.page;
    const section = page.getByTestId('desktop-settings');
    await failNext(page, 'reader.choose', {
      code: 'unavailable',
      message: 'No reader with that vendor and product id is plugged in.',
    });
    await section.getByRole('button', { name: 'Use ACME RFID 125' }).click();
    await expect
      .poll(() => section.getByRole('alert').textContent())
      .toBe(
        'That did not work: this terminal cannot do that. Update Treu, or check that the device is connected. (No reader with that vendor and product id is plugged in.)',
      );
    await desktop.screenshot('reader-error');
  });

  it('switches the window mode over the bridge', async () => {
    const page = desktop.page;
    const modes = page.getByRole('radiogroup', { name: 'How Treu fills the screen' });
    const kiosk = modes.getByRole('radio', { name: /^Kiosk/u });
    await expect.poll(() => kiosk.isChecked()).toBe(true);
    await modes.getByRole('radio', { name: 'In a window' }).check();
    await expect
      .poll(() => modes.getByRole('radio', { name: 'In a window' }).isChecked())
      .toBe(true);
    expect(await kiosk.isChecked()).toBe(false);
    expect((await calls(page, 'kiosk.setMode')).map((call) => call.argument)).toEqual(['windowed']);
  });

  it('checks for an update now, showing it while it checks', async () => {
    const page = desktop.page;
    const status = page.getByTestId('desktop-update-status');
    await expect.poll(() => status.textContent()).toBe('Treu is up to date.');
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => status.textContent()).toBe('Looking for an update…');
    const button = page.getByRole('button', { name: 'Looking for an update…' });
    expect(await button.isDisabled()).toBe(true);
    expect(await calls(page, 'updater.checkNow')).toHaveLength(1);
    await page.evaluate(() => {
      (window as unknown as { treuFinishCheck: () => void }).treuFinishCheck();
    });
    await expect.poll(() => status.textContent()).toBe('Update 1.4.0: downloading, 40 %');
    expect(
      await page.getByRole('progressbar', { name: 'Update 1.4.0: downloading, 40 %' }).count(),
    ).toBe(1);
  });

  it('asks before quitting Treu', async () => {
    const page = desktop.page;
    await page.getByRole('button', { name: 'Quit Treu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Quit Treu? The counter stops until Treu is started again.').waitFor();
    expect(await calls(page, 'app.quit')).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await calls(page, 'app.quit')).toEqual([]);
    await page.getByRole('button', { name: 'Quit Treu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Quit', exact: true }).click();
    await expect.poll(async () => (await calls(page, 'app.quit')).length).toBe(1);
  });

  it('prints a card through the bridge on the chosen printer; on paper only the card', async () => {
    const page = desktop.page;
    // A select's name carries its chosen option: "Printer The system’s default printer".
    await page.getByRole('combobox', { name: /^Printer/u }).selectOption('Card printer');
    await enrol(page, 'Ben Ort');
    await page.getByRole('button', { name: 'Print card' }).click();
    await expect
      .poll(async () => (await calls(page, 'printer.print')).map((call) => call.argument))
      .toEqual([{ printer: 'Card printer' }]);
    await page.getByText('The card went to the printer.').waitFor();

    await failNext(page, 'printer.print', { code: 'failed', message: 'Not printed: paper jam.' });
    await page.getByRole('button', { name: 'Print card' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(
        'The card was not printed: the printer could not print it. Check the card stock and the cable, then print again. (Not printed: paper jam.)',
      );

    const sheet = page.getByTestId('member-card-sheet');
    expect(await sheet.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      await expect.poll(() => sheet.isVisible()).toBe(true);
      expect(await page.getByRole('navigation').isVisible()).toBe(false);
      expect(await page.getByRole('main').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print card' }).isVisible()).toBe(false);
      const cardId = await page.getByTestId('qr-card').locator('code').textContent();
      const text = await sheet.textContent();
      for (const part of ['Café am Markt', 'Ben Ort', cardId ?? 'no card id']) {
        expect(text).toContain(part);
      }
      expect(await sheet.locator('img').isVisible()).toBe(true);
      const box = await sheet.boundingBox();
      expect(Math.abs((box?.width ?? 0) - CARD_WIDTH_PX)).toBeLessThan(1);
      expect((box?.width ?? 0) / (box?.height ?? 1)).toBeCloseTo(85.6 / 54, 2);
      await desktop.screenshot('card-on-paper');
      // The printed document: one page, the card's size (in points, 72 per inch).
      const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      const pages = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/gu)];
      expect(pages.map((found) => [Number(found[1]), Number(found[2])])).toEqual([
        [expect.closeTo((85.6 / 25.4) * 72, 0), expect.closeTo((54 / 25.4) * 72, 0)],
      ]);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });

  it('shows a cashier the states, and nothing to change', async () => {
    const page = desktop.page;
    await navButton(page, 'Manager').click();
    await page.getByRole('button', { name: 'Staff', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a member of staff' });
    await form.getByLabel('Name').fill('Ben Kade');
    await form.getByLabel('PIN (4 to 8 digits)').fill('2468');
    await form.getByLabel('PIN again').fill('2468');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Who works here' }).textContent())
      .toContain('Ben Kade');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Ben Kade' }).click();
    await signInWithPinPad(page, '2468');
    await navButton(page, 'Settings').click();

    const section = page.getByTestId('desktop-settings');
    await section.getByText('Only a manager can change these settings.').waitFor();
    await expect
      .poll(() => page.getByTestId('desktop-reader-status').textContent())
      .toMatch(/^Card reader: /u);
    await expect
      .poll(() => section.getByRole('listitem').filter({ hasText: 'ACME RFID 125' }).count())
      .toBe(1);
    for (const name of ['Use ACME RFID 125', 'Use any known reader', 'Check now', 'Quit Treu']) {
      expect(await section.getByRole('button', { name }).count()).toBe(0);
    }
    const radios = section.getByRole('radio');
    expect(await radios.count()).toBe(3);
    for (const radio of await radios.all()) expect(await radio.isDisabled()).toBe(true);
    expect(await section.getByRole('combobox', { name: /^Printer/u }).isDisabled()).toBe(true);
    await expectAccessible(page);
  });

  it('has no desktop section in a browser, and prints a card through the print dialog', async () => {
    const page = browser.page;
    await setUp(page);
    await navButton(page, 'Settings').click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByRole('heading', { name: 'Server' }).waitFor();
    expect(await page.getByTestId('desktop-settings').count()).toBe(0);
    expect(await page.getByText('This desktop terminal').count()).toBe(0);

    await enrol(page, 'Cleo Rand');
    await page.getByRole('button', { name: 'Print card' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { treuDialogs: number }).treuDialogs))
      .toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
