/**
 * The server's two stores for tests that run against each: SQLite in a temp folder, and
 * PostgreSQL on a throwaway cluster (one per test file, a fresh database per store).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../../server/store/postgres-store';
import type { ServerStore } from '../../server/store/server-store';
import { openSqliteStore } from '../../server/store/sqlite-store';
import {
  POSTGRES_AVAILABLE,
  POSTGRES_MISSING_REASON,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './throwaway-postgres';

export interface OpenedStore {
  readonly store: ServerStore;
  /** The files on disk that hold this store's tables, with every committed change written. */
  dataFiles(): Promise<string[]>;
  dispose(): Promise<void>;
}

export interface StoreKind {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** Why this kind cannot run here, if it cannot. */
  readonly missing: string | undefined;
  setUp(): Promise<void>;
  open(): Promise<OpenedStore>;
  tearDown(): Promise<void>;
}

export const sqliteKind: StoreKind = {
  name: 'SQLite',
  missing: undefined,
  setUp: () => Promise.resolve(),
  async open() {
    const folder = await mkdtemp(join(tmpdir(), 'treu-sqlite-'));
    const file = join(folder, 'treu.sqlite');
    const store = openSqliteStore(file);
    return {
      store,
      dataFiles: async () => {
        const names = await readdir(folder);
        return names.filter((name) => name.startsWith('treu.sqlite')).map((n) => join(folder, n));
      },
      async dispose() {
        await store.close();
        await rm(folder, { recursive: true, force: true });
      },
    };
  },
  tearDown: () => Promise.resolve(),
};

export function postgresKind(): StoreKind {
  let cluster: ThrowawayPostgres | undefined;
  let databases = 0;
  return {
    name: 'PostgreSQL',
    missing: POSTGRES_AVAILABLE ? undefined : POSTGRES_MISSING_REASON,
    async setUp() {
      cluster = await startThrowawayPostgres();
    },
    async open() {
      if (!cluster) throw new Error('setUp first');
      databases += 1;
      const name = `treu_test_${databases}`;
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = cluster.url.replace(/\/postgres$/u, `/${name}`);
      const store = await openPostgresStore(url);
      return {
        store,
        // The database's own folder under the cluster's data directory (base/<its oid>).
        dataFiles: async () => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            // Pages live in shared buffers until a checkpoint writes them to the files.
            await client.query('CHECKPOINT');
            const dir = await client.query<{ dir: string }>(
              `SELECT current_setting('data_directory') || '/base/' || oid AS dir
               FROM pg_database WHERE datname = current_database()`,
            );
            const folder = dir.rows[0]?.dir ?? '';
            return (await readdir(folder)).map((n) => join(folder, n));
          } finally {
            await client.end();
          }
        },
        dispose: () => store.close(),
      };
    },
    tearDown() {
      cluster?.stop();
      return Promise.resolve();
    },
  };
}
