/**
 * HTTPS in the server itself (--tls-cert, --tls-key): a tablet installs the terminal only
 * from a secure origin. A certificate made for the test with openssl; the protocol over
 * HTTPS, checked against that certificate; unreadable files refused in words.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeStartFailure,
  runSyncServer,
  type RunningSyncServer,
} from '../../server/run-server';
import { readServerConfig, type ServerConfig } from '../../server/server-config';
import { freePort } from '../support/free-port';

const OPENSSL = '/usr/bin/openssl';
const HAVE_OPENSSL = existsSync(OPENSSL);
if (!HAVE_OPENSSL)
  console.warn('tls.test.ts skipped: openssl is not installed to make a certificate.');

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(!HAVE_OPENSSL)('the server over HTTPS', () => {
  let folder: string;
  let server: RunningSyncServer;
  let config: ServerConfig;
  let cert: Buffer;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'treu-tls-'));
    const certFile = join(folder, 'cert.pem');
    const keyFile = join(folder, 'key.pem');
    execFileSync(
      OPENSSL,
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-days',
        '1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(certFile);
    const read = readServerConfig(
      [
        '--port',
        String(await freePort()),
        '--data',
        join(folder, 'data'),
        '--tls-cert',
        certFile,
        '--tls-key',
        keyFile,
      ],
      {},
    );
    if (!read.ok) throw new Error(read.error);
    config = read.value;
    server = await runSyncServer(config, join(folder, 'no-renderer'));
  });

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers the protocol over HTTPS with the given certificate, at an https address', async () => {
    expect(server.url).toBe(`https://localhost:${config.port}/`);
    const answer = await get(`${server.url}v1/events`, cert);
    // No token: the protocol's own refusal, over TLS that verified against the certificate.
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: expect.any(String) as unknown },
    });
  });

  it('needs both files, and says which one it could not read', async () => {
    expect(readServerConfig(['--tls-cert', 'c.pem'], {})).toEqual({
      ok: false,
      error: 'HTTPS needs both a certificate (--tls-cert) and its key (--tls-key).',
    });
    const missing = readServerConfig(
      [
        '--data',
        join(folder, 'data2'),
        '--tls-cert',
        join(folder, 'nope.pem'),
        '--tls-key',
        join(folder, 'key.pem'),
      ],
      {},
    );
    if (!missing.ok) throw new Error(missing.error);
    const failure = await runSyncServer(missing.value, join(folder, 'no-renderer')).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(describeStartFailure(failure, missing.value)).toBe(
      `Could not read ${join(folder, 'nope.pem')} (ENOENT): check --tls-cert and --tls-key.`,
    );
  });
});
