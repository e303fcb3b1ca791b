/**
 * The tablet's PWA (issue 6): the production build carries a web app manifest and a
 * service worker; served by the real sync server (SQLite), Chromium installs the worker,
 * and after going offline and reloading the terminal still loads, signs in and stamps.
 * The worker leaves the sync API (`/v1/…`), the update feed and HQ to the network; the
 * Electron host (`window.treu`) registers no worker; and a new version waits for the
 * cashier's "Reload" instead of reloading the counter by itself.
 * Screenshots in test-results/e2e/pwa-*.
 */
import { cp, mkdtemp, readFile, readdir, rm, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSyncServer } from '../../server/http/sync-server';
import { RENDERER_BUILD } from '../support/build-renderer';
import { CHROMIUM_AVAILABLE, warnSkipped } from '../support/chromium';
import { sqliteKind, type OpenedStore } from '../support/server-stores';
import {
  announcement,
  expectAccessible,
  navButton,
  openTerminal,
  signInWithPinPad,
  wedgeScan,
  setUpTerminalAs,
} from './terminal-page';

if (!CHROMIUM_AVAILABLE) warnSkipped('pwa.e2e.test.ts');

const PIN = '2468';

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** The URLs the worker precaches, read from the generated sw.js. */
async function precachedUrls(folder: string): Promise<string[]> {
  const sw = await readFile(join(folder, 'sw.js'), 'utf8');
  const list = /precacheAndRoute\(\s*\[(.*?)\]/s.exec(sw)?.[1] ?? '';
  return [...list.matchAll(/"?url"?:\s*"([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('the renderer build for tablets', () => {
  it('holds a valid manifest with its icons and a service worker that precaches the terminal, not HQ', async () => {
    const files = await readdir(RENDERER_BUILD);
    expect(files).toEqual(expect.arrayContaining(['sw.js', 'manifest.webmanifest', 'index.html']));
    const manifest = JSON.parse(
      await readFile(join(RENDERER_BUILD, 'manifest.webmanifest'), 'utf8'),
    ) as Manifest;
    expect(manifest).toMatchObject({
      name: 'Treu',
      short_name: 'Treu',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: '#0b5d4b',
      background_color: '#fbfaf7',
    });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    for (const icon of manifest.icons) {
      const png = await readFile(join(RENDERER_BUILD, icon.src));
      // A PNG's header, then its width and height in the IHDR chunk.
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }

    const urls = await precachedUrls(RENDERER_BUILD);
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
    expect(urls.some((url) => /^assets\/CameraScanner-.*\.js$/.test(url))).toBe(true);
    expect(urls.filter((url) => url === 'hq.html' || url.endsWith('.map'))).toEqual([]);

    const index = await readFile(join(RENDERER_BUILD, 'index.html'), 'utf8');
    const hq = await readFile(join(RENDERER_BUILD, 'hq.html'), 'utf8');
    expect(index).toContain('<link rel="manifest" href="./manifest.webmanifest">');
    expect(hq).not.toContain('rel="manifest"');
  });
});

/** Waits until a service worker is active and controls the page; its script's URL. */
const controllingWorker = (page: Page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
      });
    }
    return navigator.serviceWorker.controller?.scriptURL;
  });

/** What a fetch from the page gets: the answer's status and type, or "failed". */
const fetchFromPage = (page: Page, path: string) =>
  page.evaluate(
    (url) =>
      fetch(url).then(
        (response) => `${response.status} ${response.headers.get('content-type') ?? ''}`,
        () => 'failed',
      ),
    path,
  );

async function setUp(page: Page) {
  await setUpTerminalAs(page, 'Café am Markt', 'Mara Lind', PIN);
}

describe.skipIf(!CHROMIUM_AVAILABLE)('the tablet app, installed from the server', () => {
  let opened: OpenedStore;
  let app: FastifyInstance;
  let url: string;
  let folder: string;
  /** Every request that reached the server, by URL. */
  const requests: string[] = [];

  beforeAll(async () => {
    // A copy of the build: the update test changes its sw.js.
    folder = await mkdtemp(join(tmpdir(), 'treu-pwa-build-'));
    await cp(RENDERER_BUILD, folder, { recursive: true });
    opened = await sqliteKind.open();
    app = buildSyncServer({ store: opened.store, rendererFolder: folder });
    app.addHook('onRequest', (request, _reply, done) => {
      requests.push(request.url);
      done();
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await opened.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('serves the manifest and the worker so that a new version is always seen', async () => {
    const manifest = await app.inject({ url: '/manifest.webmanifest' });
    expect(manifest.headers['content-type']).toBe('application/manifest+json');
    const sw = await app.inject({ url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    for (const answer of [manifest, sw]) {
      expect(answer.headers['cache-control']).toMatch(/max-age=0|no-cache|no-store/);
    }
  });

  it('loads, signs in and stamps offline after a reload, and leaves /v1 and HQ to the network', async () => {
    requests.length = 0;
    const tablet = await openTerminal(url, { name: 'pwa-offline' });
    try {
      const page = tablet.page;
      expect(await controllingWorker(page)).toBe(`${url}/sw.js`);
      expect(requests).toContain('/sw.js');

      // The manifest, as the browser finds it, and its icons.
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBe('./manifest.webmanifest');
      const answer = await page.context().request.get(`${url}/manifest.webmanifest`);
      const manifest = (await answer.json()) as Manifest;
      expect(manifest).toMatchObject({ name: 'Treu', start_url: './', display: 'standalone' });
      for (const icon of manifest.icons) {
        const image = await page.context().request.get(new URL(icon.src, answer.url()).href);
        expect([icon.src, image.status(), image.headers()['content-type']]).toEqual([
          icon.src,
          200,
          'image/png',
        ]);
      }

      // First run, and a member enrolled, online.
      await setUp(page);
      await navButton(page, 'New member').click();
      await page.getByLabel('Name').fill('Anna Berg');
      await page.getByRole('button', { name: 'Enrol' }).click();
      await page.getByRole('heading', { name: 'Anna Berg enrolled.' }).waitFor();
      const card = await page.getByTestId('qr-card').locator('img').getAttribute('data-card-code');
      if (card === null) throw new Error('no card code');

      // No network, a reload: the app comes from the worker, the data from IndexedDB.
      await page.context().setOffline(true);
      requests.length = 0;
      await page.reload();
      await signInWithPinPad(page, PIN);
      await page.getByRole('heading', { name: 'Scan a member card' }).waitFor();

      // The camera's QR scanner, a chunk of its own, loads offline too.
      await page.getByRole('button', { name: 'Scan with the camera' }).click();
      await page.locator('.camera').waitFor();
      await page.getByRole('button', { name: 'Stop the camera' }).click();

      await wedgeScan(page, card);
      await page.getByRole('heading', { name: 'Anna Berg' }).waitFor();
      await page.getByRole('button', { name: '+1 stamp', exact: true }).click();
      await expect.poll(() => announcement(page).textContent()).toContain('Balance now 1.');
      await expect
        .poll(() => page.getByRole('img', { name: /^Stamp card/ }).getAttribute('aria-label'))
        .toBe('Stamp card: 1 of 10 stamps');
      await tablet.screenshot('stamped-offline');
      await expectAccessible(page);

      // The worker answers nothing of the server's own: offline, these fail.
      expect(await fetchFromPage(page, './v1/events')).toBe('failed');
      expect(await fetchFromPage(page, './v1/events/live')).toBe('failed');
      expect(await fetchFromPage(page, './updates/latest.yml')).toBe('failed');
      // Nothing of the page reached the server. The browser's own check for a newer worker
      // after the reload (sw.js and the script it imports) runs outside the page's emulated
      // offline state and reaches it, or not, by timing: that check is not the page's.
      const workerUpdateCheck = /^\/(sw\.js|workbox-[0-9a-f]+\.js)$/u;
      expect(requests.filter((path) => !workerUpdateCheck.test(path))).toEqual([]);
      // A deep link of the terminal's own, though, gets the terminal.
      await page.goto(`${url}/counter`);
      await page.getByRole('button', { name: 'Digit 1' }).waitFor();

      for (const path of ['v1/events', 'updates/latest.yml', 'hq.html']) {
        await expect(page.goto(`${url}/${path}`), path).rejects.toThrow(
          /ERR_INTERNET_DISCONNECTED/,
        );
      }
      // Online again, the same calls reach the server (and need a token there).
      await page.context().setOffline(false);
      await page.goto(url);
      expect(await fetchFromPage(page, './v1/events')).toBe('401 application/json; charset=utf-8');
    } finally {
      await tablet.close();
    }
  });

  it('registers no service worker in the Electron host (window.treu)', async () => {
    requests.length = 0;
    const desktop = await openTerminal(url, {
      name: 'pwa-electron',
      initScript: 'window.treu = {};',
    });
    try {
      const page = desktop.page;
      await page.getByLabel('Store name').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toEqual([]);
      expect(requests.filter((path) => /sw\.js|pwa-register|workbox/.test(path))).toEqual([]);
      expect(requests).toContain('/');
    } finally {
      await desktop.close();
    }
  });

  it('offers a new version with "Reload" and does not reload the counter by itself', async () => {
    const tablet = await openTerminal(url, { name: 'pwa-update' });
    try {
      const page = tablet.page;
      await controllingWorker(page);
      await setUp(page);
      await page.getByLabel('Search members').fill('Ann');
      await page.evaluate(() => {
        (window as unknown as { stillHere: boolean }).stillHere = true;
      });

      // A new build lands on the server; the tablet checks for it.
      await appendFile(join(folder, 'sw.js'), '\n// a newer build\n');
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      const prompt = page
        .getByRole('status')
        .filter({ hasText: 'A new version of Treu is ready.' });
      await prompt.waitFor();
      await tablet.screenshot('update-ready');
      await expectAccessible(page);
      // Nothing reloaded: the cashier's half-typed search is still there.
      expect(await page.getByLabel('Search members').inputValue()).toBe('Ann');
      expect(await page.evaluate(() => 'stillHere' in window)).toBe(true);

      // "Reload": the new version takes over and the page reloads once.
      await page.getByRole('button', { name: 'Reload', exact: true }).click();
      await page.waitForFunction(() => !('stillHere' in window));
      await page.getByRole('button', { name: 'Digit 1' }).waitFor();
      expect(await prompt.count()).toBe(0);
      expect(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return [Boolean(registration?.waiting), Boolean(navigator.serviceWorker.controller)];
        }),
      ).toEqual([false, true]);
    } finally {
      await tablet.close();
    }
  });
});
