/**
 * The sync server in a process of its own (`server/main.ts`, as `npm run server` starts
 * it), for benches and for tests that kill it: SQLite in a data folder, or PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  /** Ends the process with this signal and waits until it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
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

export async function startServerProcess(options: {
  readonly dataFolder: string;
  readonly databaseUrl?: string | undefined;
  readonly port?: number;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'server/main.ts'),
      '--port',
      String(port),
      '--data',
      options.dataFolder,
      ...(options.databaseUrl ? ['--database-url', options.databaseUrl] : []),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitForStart(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      await exited;
    },
  };
}
