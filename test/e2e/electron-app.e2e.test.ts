/**
 * The real desktop terminal through Playwright's Electron driver: the built main process
 * and preload, the window's security settings as Electron applied them, the bridge in the
 * page, and the renderer served from treu://app. It needs the Electron binary, which
 * cannot be downloaded on Treu's build machines: there it says it was skipped, and why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function electronBinary(): string | undefined {
  const folder = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(folder, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(folder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const BINARY = electronBinary();
const CAN_SHOW_WINDOWS =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
const SKIP_REASON = !BINARY
  ? 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1; it cannot be downloaded here)'
  : !CAN_SHOW_WINDOWS
    ? 'there is no display (run it under xvfb-run)'
    : undefined;
if (SKIP_REASON) console.warn(`electron-app.e2e.test.ts: SKIPPED, ${SKIP_REASON}.`);

describe.skipIf(SKIP_REASON !== undefined)('the Electron terminal', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'electron/build.main.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    expect(built.status).toBe(0);
    userData = await mkdtemp(join(tmpdir(), 'treu-electron-'));
    app = await _electron.launch({
      executablePath: BINARY ?? '',
      args: [ROOT, '--window=windowed', `--user-data-dir=${userData}`],
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  });

  it('opens the terminal from treu://app with context isolation, sandbox and no Node', async () => {
    expect(page.url()).toMatch(/^treu:\/\/app\/index\.html/u);
    // Runs in Electron's main process; typed by hand, as the test does not load Electron.
    const preferences: unknown = await app.evaluate((electron: unknown) => {
      const { BrowserWindow } = electron as {
        BrowserWindow: { getAllWindows(): { webContents: { getLastWebPreferences(): unknown } }[] };
      };
      return BrowserWindow.getAllWindows()[0]?.webContents.getLastWebPreferences();
    });
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );
    await page.getByRole('heading', { name: /Set up the terminal|Terminal einrichten/u }).waitFor();
  });

  it('exposes the bridge with its namespaces, answering in the contract’s form', async () => {
    const namespaces = await page.evaluate(() =>
      Object.keys((window as unknown as { treu: object }).treu).sort(),
    );
    expect(namespaces).toEqual(['app', 'kiosk', 'printer', 'reader', 'updater']);
    const info = await page.evaluate(() =>
      (window as unknown as { treu: { app: { info(): Promise<unknown> } } }).treu.app.info(),
    );
    expect(info).toMatchObject({ ok: true, value: { platform: process.platform } });
    const refused = await page.evaluate(() =>
      (
        window as unknown as { treu: { kiosk: { setMode(mode: string): Promise<unknown> } } }
      ).treu.kiosk.setMode('television'),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses eval under its CSP and stays on its own pages', async () => {
    const evalRefused = await page.evaluate(() => {
      try {
        // The point of the test: the CSP must refuse to compile a string.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
        new Function('return 1')();
        return false;
      } catch {
        return true;
      }
    });
    expect(evalRefused).toBe(true);
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^treu:\/\/app\//u);
  });
});
