/**
 * How the server is started: flags first, then the environment, then defaults.
 *   --port N      PORT          8080
 *   --host H      HOST          127.0.0.1 (0.0.0.0 to let tablets on the network in)
 *   --data DIR    TREU_DATA     ./.treu-data (the SQLite file lives there)
 *   --database-url URL  DATABASE_URL  (PostgreSQL; SQLite when unset)
 *   --trust-proxy TREU_TRUST_PROXY=1  off: take the client's protocol and address from
 *                 the X-Forwarded-* headers of a reverse proxy in front (so HQ's cookie is
 *                 `Secure` behind an HTTPS proxy). Only when every request comes through it.
 *   --tls-cert FILE --tls-key FILE   TREU_TLS_CERT, TREU_TLS_KEY   off: serve HTTPS with
 *                 this certificate and key (PEM). A tablet installs the app only from a
 *                 secure origin; both or neither.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../shared/result';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataFolder: string;
  readonly databaseUrl: string | undefined;
  /** Fastify's trustProxy: the server runs behind a reverse proxy that sets X-Forwarded-*. */
  readonly trustProxy: boolean;
  /** HTTPS with this certificate and key (PEM files); plain HTTP when absent. */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | undefined;
}

export function readServerConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Result<ServerConfig, string> {
  let flags;
  try {
    flags = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // parseArgs throws on an unknown flag or a missing value: say which, and the usage.
    return err(
      `${(error as Error).message}. Flags: --port N, --host H, --data DIR, --database-url URL, --trust-proxy, --tls-cert FILE, --tls-key FILE.`,
    );
  }
  const portText = flags.port ?? env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/u.test(portText) || port < 1 || port > 65_535) {
    return err(`The port must be a number from 1 to 65535, not "${portText}".`);
  }
  const databaseUrl = flags['database-url'] ?? env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//u.test(databaseUrl)) {
    return err('DATABASE_URL must be a PostgreSQL URL (postgres://user@host:port/database).');
  }
  const trustProxyText = (env.TREU_TRUST_PROXY ?? '').trim().toLowerCase();
  if (!['', '0', '1', 'false', 'true'].includes(trustProxyText)) {
    return err(`TREU_TRUST_PROXY must be 1 or 0, not "${env.TREU_TRUST_PROXY ?? ''}".`);
  }
  const certFile = flags['tls-cert'] ?? env.TREU_TLS_CERT;
  const keyFile = flags['tls-key'] ?? env.TREU_TLS_KEY;
  if ((certFile === undefined) !== (keyFile === undefined)) {
    return err('HTTPS needs both a certificate (--tls-cert) and its key (--tls-key).');
  }
  return ok({
    port,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    dataFolder: resolve(flags.data ?? env.TREU_DATA ?? '.treu-data'),
    databaseUrl: databaseUrl || undefined,
    trustProxy: flags['trust-proxy'] ?? (trustProxyText === '1' || trustProxyText === 'true'),
    tls:
      certFile !== undefined && keyFile !== undefined
        ? { certFile: resolve(certFile), keyFile: resolve(keyFile) }
        : undefined,
  });
}
