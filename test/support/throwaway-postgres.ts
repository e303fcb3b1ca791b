/**
 * A throwaway PostgreSQL cluster from Debian's packages for one test file: initdb into a
 * temp folder, started on a free port with fsync off, removed afterwards
 * (docs/contributing.md, Tests). PostgreSQL refuses to run as root, so as root (CI) the
 * cluster runs as the `postgres` user the Debian package made.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from './free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder, or undefined. */
function serverBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((name) => existsSync(join(PG_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(PG_ROOT, versions[0], 'bin');
}

const PG_BIN = serverBin();
export const POSTGRES_AVAILABLE = PG_BIN !== undefined;
export const POSTGRES_MISSING_REASON = `PostgreSQL server binaries not found under ${PG_ROOT} (apt-get install -y postgresql)`;

export interface ThrowawayPostgres {
  readonly url: string;
  stop(): void;
}

const asRoot = process.getuid?.() === 0;

function run(command: string, args: readonly string[]): void {
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (!PG_BIN) throw new Error(POSTGRES_MISSING_REASON);
  const folder = mkdtempSync(join(tmpdir(), 'treu-pg-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', folder]);
  const data = join(folder, 'data');
  run(join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'treu', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  run(join(PG_BIN, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(folder, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`,
    'start',
  ]);
  return {
    url: `postgres://treu@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        if (asRoot) chownSync(folder, 0, 0);
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
