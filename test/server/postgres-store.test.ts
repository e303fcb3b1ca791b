/**
 * The server store contract on PostgreSQL: a throwaway cluster for this file, a fresh
 * database per test.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../server/store/postgres-store';
import {
  POSTGRES_AVAILABLE,
  POSTGRES_MISSING_REASON,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres';
import { describeServerStore } from './store-contract';

if (POSTGRES_AVAILABLE) {
  let cluster: ThrowawayPostgres;
  let databases = 0;
  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
  });
  afterAll(() => {
    cluster.stop();
  });

  describeServerStore('PostgreSQL', async () => {
    databases += 1;
    const name = `treu_test_${databases}`;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const store = await openPostgresStore(cluster.url.replace(/\/postgres$/, `/${name}`));
    return { store, dispose: () => store.close() };
  });
} else {
  describe('PostgreSQL server store', () => {
    it.skip(`skipped: ${POSTGRES_MISSING_REASON}`, () => undefined);
  });
}
