/**
 * The sync server as the bench measures it: its own process (`server/main.ts`, as
 * `npm run server` starts it), on SQLite in a temp folder or on a throwaway PostgreSQL
 * cluster, so the bench's clients do not share its CPU time slices in one event loop.
 * Tenants, stores and codes are made through the store directly, as the admin tool does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServerStore } from '../../server/store/open-store';
import type { ServerStore } from '../../server/store/server-store';
import { startServerProcess } from '../support/server-process';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres';

export interface BenchServer {
  readonly url: string;
  /** The same database, opened by the bench for setting up tenants and codes. */
  readonly store: ServerStore;
  stop(): Promise<void>;
}

export async function startBenchServer(kind: 'sqlite' | 'postgresql'): Promise<BenchServer> {
  const folder = await mkdtemp(join(tmpdir(), 'treu-sync-bench-'));
  const cluster: ThrowawayPostgres | undefined =
    kind === 'postgresql' ? await startThrowawayPostgres() : undefined;
  const config = { dataFolder: folder, databaseUrl: cluster?.url };
  // Opened first: it runs the migrations before the server's process opens it too.
  const store = await openServerStore(config);
  const server = await startServerProcess(config);
  return {
    url: server.url,
    store,
    async stop() {
      await server.stop();
      await store.close();
      cluster?.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
