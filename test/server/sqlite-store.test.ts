/** The server store contract on SQLite: a real database file in WAL mode, per test. */
import { sqliteKind } from '../support/server-stores';
import { describeServerStore } from './store-contract';

describeServerStore('SQLite', () => sqliteKind.open());
