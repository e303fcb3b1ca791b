/**
 * The server store contract on PostgreSQL: a throwaway cluster for this file, a fresh
 * database per test.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { postgresKind } from '../support/server-stores';
import { describeServerStore } from './store-contract';

const kind = postgresKind();
if (kind.missing === undefined) {
  beforeAll(() => kind.setUp());
  afterAll(() => kind.tearDown());
  describeServerStore('PostgreSQL', () => kind.open());
} else {
  describe('PostgreSQL server store', () => {
    it.skip(`skipped: ${kind.missing}`, () => undefined);
  });
}
