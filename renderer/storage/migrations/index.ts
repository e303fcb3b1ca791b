/** Every schema version, oldest first: Dexie applies the ones a database has not seen. */
import { migration001 } from './001-initial';

export const migrations = [migration001] as const;
