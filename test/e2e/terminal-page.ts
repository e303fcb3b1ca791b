/**
 * Driving the terminal in Debian's Chromium: a persistent browser profile (so IndexedDB
 * outlives a browser restart, as on a real terminal), the production build served on
 * localhost, and the steps a cashier takes, by the labels a person reads.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, fakeCameraArgs } from '../support/chromium';
import { writeQrVideo } from '../support/qr-video';

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'e2e');

export interface TerminalBrowser {
  readonly page: Page;
  /** Closes the browser and opens it again on the same profile, with a camera showing `qr`. */
  restartWithCamera(qr: string): Promise<void>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The test's name: its screenshots go to test-results/e2e/NAME/. */
  readonly name: string;
  /** Script run in the page before the app: a fake Electron bridge, say. */
  readonly initScript?: string;
  /**
   * The browser's language, `en-US` unless told (the app follows it until a language is
   * chosen). Told, Chromium's own too, as its date fields show (with chromium-l10n).
   */
  readonly locale?: string;
  /** The browser's time zone, the machine's unless told. */
  readonly timezoneId?: string;
  /** More Chromium flags. */
  readonly args?: readonly string[];
}

export async function openTerminal(url: string, options: OpenOptions): Promise<TerminalBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'treu-e2e-'));
  await mkdir(join(SCREENSHOTS, options.name), { recursive: true });
  const screenshots = join(SCREENSHOTS, options.name);
  let shots = 0;
  const launch = async (qr: string) => {
    const video = join(dir, `camera-${Date.now()}.y4m`);
    await writeQrVideo(video, qr);
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, ...fakeCameraArgs(video), ...(options.args ?? [])],
      locale: options.locale ?? 'en-US',
      ...(options.locale === undefined
        ? {}
        : { env: { ...process.env, LANGUAGE: options.locale } }),
      ...(options.timezoneId === undefined ? {} : { timezoneId: options.timezoneId }),
      viewport: { width: 1280, height: 900 },
    });
    if (options.initScript !== undefined) await context.addInitScript(options.initScript);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => {
      console.error(`page error: ${error.message}`);
    });
    await page.goto(url);
    return { context, page };
  };
  let current: { context: BrowserContext; page: Page } = await launch('no card in view');
  return {
    get page() {
      return current.page;
    },
    async restartWithCamera(qr) {
      await current.context.close();
      current = await launch(qr);
    },
    async screenshot(name) {
      shots += 1;
      await current.page.screenshot({
        path: join(screenshots, `${String(shots).padStart(2, '0')}-${name}.png`),
        fullPage: true,
      });
    },
    async close() {
      await current.context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The first run, as a manager fills it in; waits for the counter. */
export async function setUpTerminalAs(
  page: Page,
  store: string,
  manager: string,
  pin: string,
): Promise<void> {
  await page.getByLabel('Store name').fill(store);
  await page.getByLabel('Manager’s name').fill(manager);
  await page.getByLabel('Manager PIN (4 to 8 digits)').fill(pin);
  await page.getByLabel('PIN again').fill(pin);
  await page.getByRole('button', { name: 'Set up' }).click();
  await page.getByRole('heading', { name: 'Scan a member card' }).waitFor();
}

/** Enrols the terminal in Settings → Server; waits until it says whose store it joined. */
export async function enrolInSettings(
  page: Page,
  terminalName: string,
  code: string,
  store: string,
): Promise<void> {
  await navButton(page, 'Settings').click();
  await page.getByRole('heading', { name: 'Server' }).waitFor();
  await page.getByLabel('Enrolment code').fill(code.toLowerCase());
  await page.getByLabel('Name of this terminal').fill(terminalName);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page
    .getByText(/^Connected to /u)
    .filter({ hasText: `for ${store}.` })
    .waitFor({ timeout: 15_000 });
}

/** A till of a multi-terminal journey: "Till NAME" run by "Manager NAME", enrolled with `code`. */
export async function setUpAndEnrolTill(
  page: Page,
  name: string,
  code: string,
  store: string,
  pin: string,
): Promise<void> {
  await setUpTerminalAs(page, `Till ${name}`, `Manager ${name}`, pin);
  await enrolInSettings(page, `Till ${name}`, code, store);
}

const WEDGE_KEY_GAP_S = 0.004;

/**
 * Types like a keyboard-wedge scanner: a key every 4 ms, then Enter. The keys carry the
 * times they were typed, as a USB device's keys do, so the page sees a burst even when
 * it is too busy to take each key at once. (`page.keyboard.type` waits for the page to
 * take each key, and a busy page then sees gaps longer than a scanner's.)
 */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let atS = Date.now() / 1000;
  const press = async (key: string, typed: string, code?: string, keyCode?: number) => {
    const keyOf = { key, code, windowsVirtualKeyCode: keyCode, timestamp: atS };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: typed, ...keyOf });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...keyOf });
    atS += WEDGE_KEY_GAP_S;
  };
  for (const character of text) await press(character, character);
  await press('Enter', '\r', 'Enter', 13);
  await cdp.detach();
}

/**
 * Playwright's fake clock (`page.clock.install`), with `event.timeStamp` left real on the
 * page as it is (a reload brings the clock's own back). The fake clock fakes that too
 * (the fake time when the page first reads it), and the wedge detector tells a scanner
 * from a person by the times between keys: on a busy page, a scanner's burst would look
 * like typing.
 */
export async function installFakeClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const real = Object.getOwnPropertyDescriptor(Event.prototype, 'timeStamp');
    Object.assign(window, { treuTestRealEventTime: real });
  });
  await page.clock.install();
  await page.evaluate(() => {
    const { treuTestRealEventTime } = window as { treuTestRealEventTime?: PropertyDescriptor };
    if (treuTestRealEventTime)
      Object.defineProperty(Event.prototype, 'timeStamp', treuTestRealEventTime);
  });
}

export async function signInWithPinPad(page: Page, pin: string, okLabel = 'OK'): Promise<void> {
  for (const digit of pin) {
    await page.getByRole('button', { name: new RegExp(`^(Digit|Ziffer) ${digit}$`) }).click();
  }
  await page.getByRole('button', { name: okLabel, exact: true }).click();
}

/** A button of the main navigation. */
export const navButton = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true });

/** The announcement a person sees after an action. */
export const announcement = (page: Page) => page.getByTestId('announcer');

/** axe finds no serious or critical accessibility violation on the page as it is. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const severe = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    severe.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}
