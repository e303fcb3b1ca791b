/** Which better-sqlite3 the server loads on which Node.js, and what it says when it cannot. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  loadSqliteDriver,
  SQLITE_DRIVER,
  SQLITE_DRIVER_FOR_NODE_20,
  sqliteDriverFor,
} from '../../server/store/sqlite-driver';

const require = createRequire(import.meta.url);

describe('the SQLite driver', () => {
  it('is better-sqlite3 13 from Node.js 22 on, and 12 (better-sqlite3-node20) on Node.js 20', () => {
    expect(sqliteDriverFor('20.19.0')).toBe(SQLITE_DRIVER_FOR_NODE_20);
    expect(sqliteDriverFor('20.20.2')).toBe(SQLITE_DRIVER_FOR_NODE_20);
    expect(sqliteDriverFor('22.12.0')).toBe(SQLITE_DRIVER);
    expect(sqliteDriverFor('24.21.0')).toBe(SQLITE_DRIVER);
    expect(sqliteDriverFor('26.10.0')).toBe(SQLITE_DRIVER);
    const installed = (name: string) =>
      Number((require(`${name}/package.json`) as { version: string }).version.split('.')[0]);
    expect(installed(SQLITE_DRIVER)).toBe(13);
    expect(installed(SQLITE_DRIVER_FOR_NODE_20)).toBe(12);
  });

  it(`loads on this Node.js (${process.versions.node}) and runs SQL`, () => {
    const Driver = loadSqliteDriver();
    expect(Driver).toBe(require(sqliteDriverFor(process.versions.node)));
    const db = new Driver(':memory:');
    expect(db.prepare('SELECT 6 * 7 AS answer').get()).toEqual({ answer: 42 });
    db.close();
  });

  it('that cannot be loaded ends the start with the package, the Node.js and what to do', () => {
    const missing = new Error("Cannot find module 'better-sqlite3-node20'\nRequire stack: …");
    const loading = () => loadSqliteDriver('20.20.2', () => missingThrow(missing));
    expect(loading).toThrow(
      'SQLite could not be loaded on Node.js 20.20.2 (package better-sqlite3-node20: ' +
        "Cannot find module 'better-sqlite3-node20'). To use SQLite, run \"npm rebuild " +
        'better-sqlite3-node20" (it fetches or compiles its binary), or use Node.js 22 or ' +
        'newer; or give the server a PostgreSQL DATABASE_URL.',
    );
    expect(caught(loading).cause).toBe(missing);
    const onNode24 = () =>
      loadSqliteDriver('24.21.0', () => missingThrow(new Error('invalid ELF header')));
    expect(onNode24).toThrow(
      'SQLite could not be loaded on Node.js 24.21.0 (package better-sqlite3: invalid ELF ' +
        'header). To use SQLite, run "npm install" again with this Node.js; or give the ' +
        'server a PostgreSQL DATABASE_URL.',
    );
  });
});

function missingThrow(error: Error): never {
  throw error;
}

function caught(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected a throw.');
}
