/**
 * The same shared/ledger/signing.ts, bundled by esbuild from source, run in a real
 * Chromium: RFC 8032 vectors, signing and verifying events, and signatures that cross
 * between Chromium and Node in both directions.
 *
 * Needs /usr/bin/chromium (Debian: `apt-get install chromium`, as CI does). Without it the
 * tests are skipped, and say so.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../shared/ledger/base64url';
import { canonicalJson } from '../../shared/ledger/canonical-json';
import type { LedgerEvent, UnsignedEvent } from '../../shared/ledger/envelope';
import { EVENT_TYPES } from '../../shared/ledger/event-types';
import {
  exportPublicKey,
  generateSigningKeyPair,
  importPublicKey,
  signEvent,
  verifyEvent,
} from '../../shared/ledger/signing';
import { VALID_UNSIGNED_EVENTS } from './vectors/events';
import { CYBERPHONE_TESTDATA } from './vectors/jcs';
import { hexToBytes, RFC8032_ED25519, vectorJwk, type Ed25519Vector } from './vectors/rfc8032';

const CHROMIUM = '/usr/bin/chromium';
const chromiumExists = existsSync(CHROMIUM);
if (!chromiumExists) {
  console.warn(
    `signing.chromium.test.ts: SKIPPED, ${CHROMIUM} does not exist. ` +
      'Install it (apt-get install -y chromium) to run the signing tests in a real browser.',
  );
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The page's entry: the shared modules as they are, exposed on window for evaluate(). */
const ENTRY = `
import { fromBase64Url, toBase64Url } from './shared/ledger/base64url';
import { canonicalJson } from './shared/ledger/canonical-json';
import {
  exportPublicKey,
  generateSigningKeyPair,
  importPublicKey,
  signBytes,
  signEvent,
  verifyBytes,
  verifyEvent,
} from './shared/ledger/signing';
import { hexToBytes, vectorJwk } from './test/shared/vectors/rfc8032';

const ED25519 = { name: 'Ed25519' };

async function importJwk(vector) {
  return crypto.subtle.importKey('jwk', vectorJwk(vector, toBase64Url), ED25519, false, ['sign']);
}

window.treuSigning = {
  async rfc8032(vector) {
    const privateKey = await importJwk(vector);
    const publicKey = await importPublicKey(toBase64Url(hexToBytes(vector.publicKey)));
    const message = hexToBytes(vector.message);
    const signature = await signBytes(privateKey, message);
    const flipped = fromBase64Url(signature);
    flipped[0] ^= 1;
    return {
      signature,
      verifies: await verifyBytes(publicKey, message, toBase64Url(hexToBytes(vector.signature))),
      flippedVerifies: await verifyBytes(publicKey, message, toBase64Url(flipped)),
      exportedPublicKey: await exportPublicKey(publicKey),
    };
  },
  async signWithVectorKey(vector, unsigned) {
    return signEvent(unsigned, await importJwk(vector));
  },
  async signWithNewKey(unsigned) {
    const pair = await generateSigningKeyPair();
    const signed = await signEvent(unsigned, pair.privateKey);
    const publicKey = await exportPublicKey(pair.publicKey);
    return {
      signed,
      publicKey,
      verifiesHere: await verifyEvent(signed, pair.publicKey),
      privateKeyExtractable: pair.privateKey.extractable,
    };
  },
  async verify(publicKeyText, event) {
    const publicKey = await importPublicKey(publicKeyText);
    return publicKey === undefined ? 'no key' : verifyEvent(event, publicKey);
  },
  canonical(value) {
    return canonicalJson(value);
  },
};
window.treuSigningReady = true;
`;

interface BrowserSigning {
  rfc8032(vector: Ed25519Vector): Promise<{
    signature: string;
    verifies: boolean;
    flippedVerifies: boolean;
    exportedPublicKey: string;
  }>;
  signWithVectorKey(vector: Ed25519Vector, unsigned: UnsignedEvent): Promise<LedgerEvent>;
  signWithNewKey(unsigned: UnsignedEvent): Promise<{
    signed: LedgerEvent;
    publicKey: string;
    verifiesHere: boolean;
    privateKeyExtractable: boolean;
  }>;
  verify(publicKey: string, event: LedgerEvent): Promise<boolean | 'no key'>;
  canonical(value: unknown): string;
}

/**
 * The page's global. The callbacks given to page.evaluate run in the page, so they reach
 * it through `window` (a closure over test code would not exist there).
 */
type PageWindow = Window & { treuSigning: BrowserSigning; treuSigningReady?: boolean };

let server: Server | undefined;
let browser: Browser | undefined;
let page: Page;

async function bundleEntry(): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: 'chromium-entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

async function serve(bundle: string): Promise<string> {
  const html =
    '<!doctype html><meta charset="utf-8"><script type="module" src="/entry.js"></script>';
  server = createServer((request, response) => {
    if (request.url === '/entry.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(bundle);
    } else {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    }
  });
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}/`;
}

const [TEST1] = RFC8032_ED25519 as [Ed25519Vector];

const hexToBase64Url = (hex: string): string => toBase64Url(hexToBytes(hex));

/** Calls into the page. Each callback runs in Chromium and may use only its arguments. */
const inChromium = {
  rfc8032: (vector: Ed25519Vector) =>
    page.evaluate((v) => (window as unknown as PageWindow).treuSigning.rfc8032(v), vector),
  signWithVectorKey: (vector: Ed25519Vector, unsigned: UnsignedEvent) =>
    page.evaluate(
      ([v, u]) => (window as unknown as PageWindow).treuSigning.signWithVectorKey(v, u),
      [vector, unsigned] as const,
    ),
  signWithNewKey: (unsigned: UnsignedEvent) =>
    page.evaluate((u) => (window as unknown as PageWindow).treuSigning.signWithNewKey(u), unsigned),
  verify: (publicKey: string, event: LedgerEvent) =>
    page.evaluate(([k, e]) => (window as unknown as PageWindow).treuSigning.verify(k, e), [
      publicKey,
      event,
    ] as const),
  canonical: (value: unknown) =>
    page.evaluate((v) => (window as unknown as PageWindow).treuSigning.canonical(v), value),
};

async function nodeVectorKeys(vector: Ed25519Vector) {
  const privateKey = await crypto.subtle.importKey(
    'jwk',
    vectorJwk(vector, toBase64Url),
    { name: 'Ed25519' },
    false,
    ['sign'],
  );
  const publicKeyText = hexToBase64Url(vector.publicKey);
  const publicKey = await importPublicKey(publicKeyText);
  if (!publicKey) throw new Error('vector public key did not import');
  return { privateKey, publicKey, publicKeyText };
}

describe('signing in Chromium', () => {
  beforeAll(async () => {
    if (!chromiumExists) return;
    const url = await serve(await bundleEntry());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page
      .waitForFunction(() => (window as unknown as PageWindow).treuSigningReady)
      .catch((error: unknown) => {
        throw new Error(`the page did not load: ${pageErrors.join('; ') || String(error)}`);
      });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => {
      if (server) {
        server.close(() => {
          resolve();
        });
      } else {
        resolve();
      }
    });
  });

  it.skipIf(!chromiumExists)('runs in a secure context with WebCrypto', async () => {
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    expect(await page.evaluate(() => typeof crypto.subtle.sign)).toBe('function');
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Chrome\//);
  });

  it.skipIf(!chromiumExists).each(RFC8032_ED25519)(
    '$name: Chromium signs exactly the RFC signature and verifies it, and refuses a flipped bit',
    async (vector) => {
      const result = await inChromium.rfc8032(vector);
      expect(result.signature).toBe(hexToBase64Url(vector.signature));
      expect(result.verifies).toBe(true);
      expect(result.flippedVerifies).toBe(false);
      expect(result.exportedPublicKey).toBe(hexToBase64Url(vector.publicKey));
    },
  );

  it.skipIf(!chromiumExists)(
    'an event signed in Chromium with a new key verifies in Chromium and in Node',
    async () => {
      const result = await inChromium.signWithNewKey(VALID_UNSIGNED_EVENTS['stamps.earned']);
      expect(result.privateKeyExtractable).toBe(false);
      expect(result.verifiesHere).toBe(true);
      const publicKey = await importPublicKey(result.publicKey);
      expect(publicKey).toBeDefined();
      if (!publicKey) return;
      expect(await verifyEvent(result.signed, publicKey)).toBe(true);
      const changed = { ...result.signed, seq: result.signed.seq + 1 };
      expect(await verifyEvent(changed, publicKey)).toBe(false);
    },
  );

  it.skipIf(!chromiumExists)(
    'an event signed in Node with a new key verifies in Chromium, and a changed copy does not',
    async () => {
      const pair = await generateSigningKeyPair();
      const signed = await signEvent(VALID_UNSIGNED_EVENTS['reward.redeemed'], pair.privateKey);
      const publicKey = await exportPublicKey(pair.publicKey);
      expect(await inChromium.verify(publicKey, signed)).toBe(true);
      const changed = { ...signed, seq: signed.seq + 1 };
      expect(await inChromium.verify(publicKey, changed)).toBe(false);
    },
  );

  it.skipIf(!chromiumExists).each(EVENT_TYPES)(
    '%s: Chromium and Node make the same signature with the same key (same canonical bytes)',
    async (type) => {
      const unsigned = VALID_UNSIGNED_EVENTS[type];
      const { privateKey, publicKey, publicKeyText } = await nodeVectorKeys(TEST1);
      const signedInNode = await signEvent(unsigned, privateKey);
      const signedInChromium = await inChromium.signWithVectorKey(TEST1, unsigned);
      expect(signedInChromium.sig).toBe(signedInNode.sig);
      expect(await verifyEvent(signedInChromium, publicKey)).toBe(true);
      expect(await inChromium.verify(publicKeyText, signedInNode)).toBe(true);
    },
  );

  it.skipIf(!chromiumExists).each(CYBERPHONE_TESTDATA)(
    'testdata $name: Chromium canonicalizes exactly like Node and the expected output',
    async (vector) => {
      const value: unknown = JSON.parse(vector.input);
      const text = await inChromium.canonical(value);
      expect(text).toBe(vector.output);
      expect(text).toBe(canonicalJson(value));
    },
  );
});
