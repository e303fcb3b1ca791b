/** The store the server runs on: PostgreSQL when a URL is given, else SQLite in the data folder. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPostgresStore } from './postgres-store';
import type { ServerStore } from './server-store';
import { openSqliteStore } from './sqlite-store';

export const SQLITE_FILE = 'treu.sqlite';

export async function openServerStore(options: {
  readonly dataFolder: string;
  readonly databaseUrl?: string | undefined;
}): Promise<ServerStore> {
  if (options.databaseUrl) return openPostgresStore(options.databaseUrl);
  mkdirSync(options.dataFolder, { recursive: true });
  return openSqliteStore(join(options.dataFolder, SQLITE_FILE));
}
