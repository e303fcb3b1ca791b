/**
 * What the desktop terminal needs of the server besides protocol v1: its pages come from
 * their own origin (treu://app), so the server answers cross-origin calls; and the server
 * serves the update feed that electron-updater reads at `/updates/`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSyncServer } from '../../server/http/sync-server';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { ServerStore } from '../../server/store/server-store';
import { enrolTerminal, tenantWithCode } from '../support/sync-harness';

const TERMINAL_ORIGIN = 'treu://app';
let folder: string;
let store: ServerStore;
let app: FastifyInstance;
let url: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'treu-desktop-routes-'));
  await mkdir(join(folder, 'updates'));
  await writeFile(
    join(folder, 'updates', 'latest-linux.yml'),
    'version: 0.2.0\npath: Treu-0.2.0.AppImage\n',
  );
  store = openSqliteStore(join(folder, 'treu.sqlite'));
  app = buildSyncServer({ store, updatesFolder: join(folder, 'updates') });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterEach(async () => {
  await app.close();
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

describe('calls from the desktop terminal’s origin', () => {
  it('are allowed by a preflight for a push with a bearer token', async () => {
    const response = await fetch(`${url}/v1/events`, {
      method: 'OPTIONS',
      headers: {
        origin: TERMINAL_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('get the live stream readable too, though it bypasses Fastify’s reply', async () => {
    const { code } = await tenantWithCode(store, 'Café Nord', Date.now());
    const till = await enrolTerminal(url, code, 'Till 1');
    const response = await fetch(`${url}/v1/events/live`, {
      headers: { origin: TERMINAL_ORIGIN, authorization: `Bearer ${till.enrolment.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    await response.body?.cancel();
  });

  it('get their answers readable, errors included', async () => {
    const response = await fetch(`${url}/v1/events`, { headers: { origin: TERMINAL_ORIGIN } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('the update feed', () => {
  it('serves the release files at /updates/, uncached', async () => {
    const response = await fetch(`${url}/updates/latest-linux.yml`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('version: 0.2.0');
    expect(response.headers.get('cache-control')).toBeNull();
  });

  it('answers 404 for a release it does not have, and nothing outside the folder', async () => {
    expect((await fetch(`${url}/updates/Treu-9.9.9.AppImage`)).status).toBe(404);
    const outside = await fetch(`${url}/updates/..%2Ftreu.sqlite`);
    expect(outside.status).toBeGreaterThanOrEqual(400);
    expect(outside.status).toBeLessThan(500);
  });
});
