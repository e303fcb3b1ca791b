/**
 * The server's two stores for tests that run against each: SQLite in a temp folder, and
 * PostgreSQL on a throwaway cluster (one per test file, a fresh database per store).
 */
import { mkdtemp, rm } from 'node:fs/promises';
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
    const store = openSqliteStore(join(folder, 'treu.sqlite'));
    return {
      store,
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
      const store = await openPostgresStore(cluster.url.replace(/\/postgres$/u, `/${name}`));
      return { store, dispose: () => store.close() };
    },
    tearDown() {
      cluster?.stop();
      return Promise.resolve();
    },
  };
}
