import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/window/content-security-policy';
import { rendererResponder } from '../../electron/window/serve-renderer';

const INDEX =
  '<!doctype html><title>Treu</title><script type="module" src="/assets/app.js"></script>';
const APP_JS = 'console.log("treu");';
const SECRET = 'the terminal signing key: do not serve';

let top: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  // top/build is the build folder; top/secret.txt and top/build-secret/ are beside it.
  top = await mkdtemp(join(tmpdir(), 'treu-serve-'));
  const build = join(top, 'build');
  await mkdir(join(build, 'assets'), { recursive: true });
  await writeFile(join(build, 'index.html'), INDEX);
  await writeFile(join(build, 'assets', 'app.js'), APP_JS);
  await writeFile(join(top, 'secret.txt'), SECRET);
  await mkdir(join(top, 'build-secret'));
  await writeFile(join(top, 'build-secret', 'secret.txt'), SECRET);
  serve = rendererResponder(build);
});

afterAll(async () => {
  await rm(top, { recursive: true, force: true });
});

describe('the app scheme', () => {
  it.each(['treu://app/', 'treu://app/index.html'])(
    'serves index.html for %s as HTML with the CSP',
    async (address) => {
      const response = await serve(new Request(address));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('serves a script as JavaScript with the CSP', async () => {
    const response = await serve(new Request('treu://app/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(APP_JS);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a file whose name is escaped in the address', async () => {
    const response = await serve(new Request('treu://app/assets/%61pp.js'));
    expect(await response.text()).toBe(APP_JS);
  });

  it.each([
    // As the Request reaches the handler: the URL parser resolves a plain or escaped `..`
    // segment before the handler sees it, so these ask for build/secret.txt.
    ['treu://app/../secret.txt', 'treu://app/secret.txt'],
    ['treu://app/%2e%2e/secret.txt', 'treu://app/secret.txt'],
    // Escaped slashes survive the parser and are decoded by the handler.
    ['treu://app/assets/..%2F..%2Fsecret.txt', 'treu://app/assets/..%2F..%2Fsecret.txt'],
    ['treu://app/..%2Fsecret.txt', 'treu://app/..%2Fsecret.txt'],
    ['treu://app/%2e%2e%2fsecret.txt', 'treu://app/%2e%2e%2fsecret.txt'],
    // A sibling folder whose name starts with the build folder's.
    ['treu://app/..%2Fbuild-secret%2Fsecret.txt', 'treu://app/..%2Fbuild-secret%2Fsecret.txt'],
    ['treu://app/..%5Csecret.txt', 'treu://app/..%5Csecret.txt'],
    ['treu://app/index.html%00.js', 'treu://app/index.html%00.js'],
  ])('answers %s with 404 and never the file outside the build', async (address, reached) => {
    const request = new Request(address);
    expect(request.url).toBe(reached);
    const response = await serve(request);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers a malformed escape with 404', async () => {
    const response = await serve(new Request('treu://app/%E0%A4%A'));
    expect(response.status).toBe(404);
  });

  it('answers another host of the scheme with 404', async () => {
    const response = await serve(new Request('treu://other/index.html'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toBe(INDEX);
  });

  it('answers a POST with 404', async () => {
    const response = await serve(
      new Request('treu://app/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(404);
    expect(await response.text()).not.toBe(INDEX);
  });

  it('answers a missing file with 404', async () => {
    const response = await serve(new Request('treu://app/assets/missing.js'));
    expect(response.status).toBe(404);
  });

  it('answers a folder with 404', async () => {
    const response = await serve(new Request('treu://app/assets/'));
    expect(response.status).toBe(404);
    const bare = await serve(new Request('treu://app/assets'));
    expect(bare.status).toBe(404);
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/u);
      return [name, values] as const;
    }),
  );

  it('allows no eval anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'");
  });

  it('runs scripts only from the app itself', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('allows no plugins, no framing and no foreign frames', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
});
