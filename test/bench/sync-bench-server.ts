/**
 * The sync server as the bench measures it: its own process (`server/main.ts`, as
 * `npm run server` starts it), on SQLite in a temp folder or on a throwaway PostgreSQL
 * cluster, so the bench's clients do not share its CPU time slices in one event loop.
 * Tenants, stores and codes are made through the store directly, as the admin tool does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openServerStore } from '../../server/store/open-store';
import type { ServerStore } from '../../server/store/server-store';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BenchServer {
  readonly url: string;
  /** The same database, opened by the bench for setting up tenants and codes. */
  readonly store: ServerStore;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function waitForStart(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Treu sync server at')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`the server exited (${code ?? 'signal'}): ${output}`));
    });
  });
}

export async function startBenchServer(kind: 'sqlite' | 'postgresql'): Promise<BenchServer> {
  const folder = await mkdtemp(join(tmpdir(), 'treu-sync-bench-'));
  const cluster: ThrowawayPostgres | undefined =
    kind === 'postgresql' ? await startThrowawayPostgres() : undefined;
  const port = await freePort();
  const config = { dataFolder: folder, databaseUrl: cluster?.url };
  // Opened first: it runs the migrations before the server's process opens it too.
  const store = await openServerStore(config);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'server/main.ts'),
      '--port',
      String(port),
      '--data',
      folder,
      ...(cluster ? ['--database-url', cluster.url] : []),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitForStart(child);
  return {
    url: `http://127.0.0.1:${port}/`,
    store,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await store.close();
      cluster?.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
