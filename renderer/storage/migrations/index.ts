/** Every schema version, oldest first: Dexie applies the ones a database has not seen. */
import { migration001 } from './001-initial';
import { migration002 } from './002-outbox-order';
import { migration003 } from './003-staff-audit';
import { migration004 } from './004-store-staff';
import { migration005 } from './005-fewer-indexes';

export const migrations = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
] as const;
