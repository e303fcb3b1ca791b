/** The server store contract on SQLite: a real database file in WAL mode, per test. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { describeServerStore } from './store-contract';

describeServerStore('SQLite', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'treu-sqlite-'));
  const store = openSqliteStore(join(folder, 'treu.sqlite'));
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
});
