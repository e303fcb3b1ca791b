/** Every schema version, oldest first: Dexie applies the ones a database has not seen. */
import { migration001 } from './001-initial';
import { migration002 } from './002-outbox-order';

export const migrations = [migration001, migration002] as const;
