/**
 * Runs the sync server until the process is stopped: the store from the configuration,
 * protocol v1, the terminal's build at `/` when there is one, and the update feed from
 * the data folder's `updates/`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildSyncServer } from './http/sync-server';
import type { ServerConfig } from './server-config';
import { openServerStore } from './store/open-store';
import type { ServerStore } from './store/server-store';

export interface RunningSyncServer {
  readonly url: string;
  readonly store: ServerStore;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** The certificate and key, read before anything is opened; unreadable files end the start. */
async function readTls(config: ServerConfig) {
  if (!config.tls) return undefined;
  const [cert, key] = await Promise.all([
    readFile(config.tls.certFile),
    readFile(config.tls.keyFile),
  ]);
  return { cert, key };
}

export async function runSyncServer(
  config: ServerConfig,
  rendererFolder: string,
): Promise<RunningSyncServer> {
  const tls = await readTls(config);
  const store = await openServerStore(config);
  const withRenderer = existsSync(join(rendererFolder, 'index.html'));
  // Releases for the desktop terminals go here (electron-builder's release/ output).
  const updatesFolder = join(config.dataFolder, 'updates');
  await mkdir(updatesFolder, { recursive: true });
  const app = buildSyncServer({
    store,
    updatesFolder,
    trustProxy: config.trustProxy,
    tls,
    ...(withRenderer ? { rendererFolder } : {}),
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Listening failed (port taken, say): close the store before saying why.
    await store.close();
    throw error;
  }
  // localhost, not 127.0.0.1: the terminal's data belongs to the origin it was opened on.
  const shown = ['0.0.0.0', '127.0.0.1'].includes(config.host) ? 'localhost' : config.host;
  return {
    url: `${tls ? 'https' : 'http'}://${shown}:${config.port}/`,
    store,
    app,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** One line for a failure to start, in words. */
export function describeStartFailure(error: unknown, config: ServerConfig): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return `Port ${config.port} is in use. Start on another one: --port ${config.port + 1} (or PORT=${config.port + 1}).`;
  }
  const path = (error as { path?: unknown }).path;
  if (config.tls && (path === config.tls.certFile || path === config.tls.keyFile)) {
    return `Could not read ${path} (${String(code)}): check --tls-cert and --tls-key.`;
  }
  if (code === 'ECONNREFUSED') {
    return 'PostgreSQL refused the connection: is it running at DATABASE_URL?';
  }
  return `Could not start: ${error instanceof Error ? error.message : String(error)}`;
}
