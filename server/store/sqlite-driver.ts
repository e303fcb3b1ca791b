/**
 * better-sqlite3 in the release that runs on this Node.js. No one release runs on every
 * Node.js the server supports:
 * - 13 (Node-API, binaries inside the package) needs Node.js 22; on Node.js 20 it crashes
 *   when it opens a database.
 * - 12 (an addon on Node's own C++ API) can abort the process on Node.js 24.19 and newer
 *   when the garbage collector finalizes a statement (nodejs/node#65446).
 * So the server takes 13 on Node.js 22 and newer, and 12, installed under the name
 * `better-sqlite3-node20`, on Node.js 20 (package.json's engines leave out 21, which
 * neither supports). Both have the same API. What was seen, and how CI runs both:
 * docs/decisions/0002-sqlite-driver-per-node-version.md.
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

/** An error's message on one line, without Node's list of the modules that required it. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const ownLines = message.split('\nRequire stack')[0] ?? message;
  return ownLines.replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
}

/**
 * The driver's constructor, after it has opened a database in memory: both releases load
 * their binary only then, so a binary that is missing or built for another Node.js shows
 * here and not at the first request. `load` is the module loader (a test hands in its
 * own). A driver that does not work ends the start with what to do about it.
 */
export function loadSqliteDriver(
  nodeVersion: string = process.versions.node,
  load: (name: string) => unknown = createRequire(import.meta.url),
): SqliteDatabase {
  const name = sqliteDriverFor(nodeVersion);
  try {
    const Driver = load(name) as SqliteDatabase;
    new Driver(':memory:').close();
    return Driver;
  } catch (error) {
    // A missing or unbuilt native module is a setup problem: say which and how to mend it.
    const mend =
      name === SQLITE_DRIVER_FOR_NODE_20
        ? 'run "npm install" again (on Node.js 20 it fetches or compiles better-sqlite3 12), or use Node.js 22 or newer'
        : 'run "npm install" again with this Node.js';
    throw new Error(
      `SQLite could not be opened on Node.js ${nodeVersion} (package ${name}: ${oneLine(error)}). To use SQLite, ${mend}; or give the server a PostgreSQL DATABASE_URL.`,
      { cause: error },
    );
  }
}
