/**
 * better-sqlite3 in the release that runs on this Node.js. No one release runs on every
 * Node.js the server supports:
 * - 13 (Node-API, binaries inside the package) needs Node.js 22; on Node.js 20 it crashes
 *   as it loads (seen here on 20.20).
 * - 12 (an addon on Node's own C++ API) can abort the process on Node.js 24.19 and newer
 *   when the garbage collector finalizes a statement (nodejs/node#65446): here on 24.21
 *   it aborted test processes in both runs of the server's tests.
 * So the server takes 13 on Node.js 22 and newer, and 12, installed under the name
 * `better-sqlite3-node20`, on Node.js 20. Both have the same API.
 */
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

export type SqliteDatabase = typeof Database;

export const SQLITE_DRIVER = 'better-sqlite3';
export const SQLITE_DRIVER_FOR_NODE_20 = 'better-sqlite3-node20';

/** The package the server loads on the Node.js of this version (`process.versions.node`). */
export function sqliteDriverFor(nodeVersion: string): string {
  const major = Number(nodeVersion.split('.')[0]);
  return major >= 22 ? SQLITE_DRIVER : SQLITE_DRIVER_FOR_NODE_20;
}

/**
 * The driver's constructor. `load` is the module loader (a test hands in one that fails);
 * a driver that is missing or does not load ends the start with what to do about it.
 */
export function loadSqliteDriver(
  nodeVersion: string = process.versions.node,
  load: (name: string) => unknown = createRequire(import.meta.url),
): SqliteDatabase {
  const name = sqliteDriverFor(nodeVersion);
  try {
    return load(name) as SqliteDatabase;
  } catch (error) {
    // A missing or unbuildable native module is a setup problem: say which and how to mend it.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const mend =
      name === SQLITE_DRIVER_FOR_NODE_20
        ? `run "npm rebuild ${name}" (it fetches or compiles its binary), or use Node.js 22 or newer`
        : 'run "npm install" again with this Node.js';
    throw new Error(
      `SQLite could not be loaded on Node.js ${nodeVersion} (package ${name}: ${reason}). To use SQLite, ${mend}; or give the server a PostgreSQL DATABASE_URL.`,
      { cause: error },
    );
  }
}
