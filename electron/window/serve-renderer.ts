/**
 * Answers the app scheme's requests with the renderer build's files: only files inside
 * the build folder (no `..` walks out of it), with the CSP on every answer. Registered
 * with `protocol.handle`; a plain function of a Request, so it is tested without Electron.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { isAppUrl } from './app-origin';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
};

const notFound = () => new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });

export function rendererResponder(buildFolder: string): (request: Request) => Promise<Response> {
  const root = resolve(buildFolder);
  return async (request) => {
    if (!isAppUrl(request.url) || request.method !== 'GET') return notFound();
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      // A malformed escape in the address: no such file.
      return notFound();
    }
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(root + sep)) return notFound();
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          ...SECURITY_HEADERS,
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        },
      });
    } catch {
      // Missing, or a folder: the same answer either way.
      return notFound();
    }
  };
}
