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

/** A module loader whose driver throws `error` when it opens a database, as a bad binary does. */
const driverFailingWith = (error: Error) => () =>
  function BrokenDriver() {
    throw error;
  };

describe('the SQLite driver', () => {
  it('is better-sqlite3 13 from Node.js 22 on, and 12 (better-sqlite3-node20) on Node.js 20', () => {
    expect(sqliteDriverFor('20.19.0')).toBe(SQLITE_DRIVER_FOR_NODE_20);
    expect(sqliteDriverFor('20.20.2')).toBe(SQLITE_DRIVER_FOR_NODE_20);
    expect(sqliteDriverFor('22.0.0')).toBe(SQLITE_DRIVER);
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

  it('whose binary does not open a database is refused with the package, the Node.js and what to do', () => {
    const builtForAnother = new Error(
      "The module '/app/node_modules/better-sqlite3-node20/build/Release/better_sqlite3.node'\n" +
        'was compiled against a different Node.js version using\nNODE_MODULE_VERSION 137.',
    );
    const onNode20 = () => loadSqliteDriver('20.20.2', driverFailingWith(builtForAnother));
    expect(onNode20).toThrow(
      'SQLite could not be opened on Node.js 20.20.2 (package better-sqlite3-node20: The ' +
        "module '/app/node_modules/better-sqlite3-node20/build/Release/better_sqlite3.node' " +
        'was compiled against a different Node.js version using NODE_MODULE_VERSION 137). ' +
        'To use SQLite, run "npm install" again (on Node.js 20 it fetches or compiles ' +
        'better-sqlite3 12), or use Node.js 22 or newer; or give the server a PostgreSQL ' +
        'DATABASE_URL.',
    );
    expect(caught(onNode20).cause).toBe(builtForAnother);
    const missing = new Error("Cannot find module 'better-sqlite3'\nRequire stack:\n- /app/x.js");
    const onNode24 = () =>
      loadSqliteDriver('24.21.0', () => {
        throw missing;
      });
    expect(onNode24).toThrow(
      "SQLite could not be opened on Node.js 24.21.0 (package better-sqlite3: Cannot find module 'better-sqlite3'). " +
        'To use SQLite, run "npm install" again with this Node.js; or give the server a ' +
        'PostgreSQL DATABASE_URL.',
    );
  });
});

function caught(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected a throw.');
}
