/**
 * The administrator's command-line tool on a real SQLite data folder: a tenant, a store,
 * an enrolment code a terminal then enrols with, the terminal list, revocation, and clear
 * words for mistakes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminCli } from '../../server/cli/admin-cli';
import { readServerConfig } from '../../server/server-config';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { enrolTerminal, startSyncServer } from '../support/sync-harness';

let folder: string;

const admin = async (...argv: string[]) => {
  const lines: string[] = [];
  const code = await adminCli([...argv, '--data', folder], {}, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
};

const idIn = (text: string, prefix: string) => {
  const id = new RegExp(`${prefix}_[0-9a-z]+`).exec(text)?.[0];
  if (!id) throw new Error(`no ${prefix} id in: ${text}`);
  return id;
};

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'treu-admin-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('admin command line', () => {
  it('sets up a tenant and a store, makes a code a terminal enrols with, lists and revokes it', async () => {
    const tenant = idIn((await admin('tenant', 'create', 'Café', 'Nord')).text, 'ten');
    const store = idIn((await admin('store', 'create', tenant, 'Hafen')).text, 'sto');
    expect((await admin('tenants')).text).toContain(`${store}  Hafen`);
    const made = await admin('code', store, '--hours', '2');
    expect(made.code).toBe(0);
    const code = /: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(made.text)?.[1] ?? '';

    const db = openSqliteStore(join(folder, 'treu.sqlite'));
    const server = await startSyncServer(db);
    try {
      const till = await enrolTerminal(server.url, code, 'Till 1');
      expect((await admin('terminals', tenant)).text).toContain(
        `${till.enrolment.terminal}  Till 1  store ${store}`,
      );
      expect((await admin('revoke', till.enrolment.terminal)).code).toBe(0);
      expect((await admin('terminals')).text).toContain('REVOKED');
      expect((await till.request('GET', '/v1/events')).status).toBe(403);
    } finally {
      await server.close();
      await db.close();
    }
  });

  it('says what is wrong, with the usage, and exits 2', async () => {
    for (const argv of [
      ['frobnicate'],
      ['store', 'create', 'ten_nobody', 'X'],
      ['code', 'sto_nowhere'],
      ['revoke', 'term_nobody'],
      ['code', 'sto_x', '--hours', 'many'],
      ['tenants', '--colour'],
    ]) {
      const result = await admin(...argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: 2 });
      expect(result.text.length).toBeGreaterThan(20);
    }
  });
});

describe('server configuration', () => {
  it('takes flags over the environment, and refuses a bad port or database URL in words', () => {
    const config = readServerConfig(['--port', '9000'], { PORT: '8000', TREU_DATA: '/tmp/x' });
    expect(config).toEqual({
      ok: true,
      value: {
        port: 9000,
        host: '127.0.0.1',
        dataFolder: '/tmp/x',
        databaseUrl: undefined,
        trustProxy: false,
      },
    });
    expect(readServerConfig(['--trust-proxy'], {})).toMatchObject({
      ok: true,
      value: { trustProxy: true },
    });
    expect(readServerConfig([], { TREU_TRUST_PROXY: '1' })).toMatchObject({
      ok: true,
      value: { trustProxy: true },
    });
    expect(readServerConfig([], { TREU_TRUST_PROXY: 'maybe' }).ok).toBe(false);
    expect(readServerConfig([], { PORT: 'eighty' })).toEqual({
      ok: false,
      error: 'The port must be a number from 1 to 65535, not "eighty".',
    });
    expect(readServerConfig([], { DATABASE_URL: 'mysql://x' }).ok).toBe(false);
    expect(readServerConfig(['--prot', '1'], {}).ok).toBe(false);
  });
});
