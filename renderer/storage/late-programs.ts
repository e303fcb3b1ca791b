/**
 * A program published out of order, in the stored projection: the IndexedDB form of
 * shared/projection/late-programs.ts. Only the members whose stamps and redemptions the
 * late version governs, and the fold reads otherwise under it, are refolded (by the
 * caller, as member clusters), and the program's row becomes its newest version; the rest
 * of the projection stays as it is.
 */
import { Dexie } from 'dexie';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type { Ordered } from '../../shared/ledger/order';
import { programViewOf } from '../../shared/projection/fold-step';
import {
  earliest,
  membersUnderLatePrograms,
  newestVersionsUpTo,
  readOtherwise,
  type Publication,
} from '../../shared/projection/late-programs';
import type { TreuDatabase } from './database';
import { programEvents } from './event-queries';
import { putAll } from './stored-views';

/**
 * The members with a stored stamp or redemption that the late publications (stored
 * already) change how the fold reads: only those need refolding. The events after them
 * are read only when one of them reads otherwise than the version before it.
 */
export async function membersUnderStoredPrograms(
  db: TreuDatabase,
  late: readonly Publication[],
): Promise<string[]> {
  if (late.length === 0) return [];
  const changing = readOtherwise(late, await programEvents(db));
  const first = earliest(changing);
  if (!first) return [];
  const rows = await db.events
    .where('[hlc+id]')
    .between([first.hlc, first.id], [Dexie.maxKey, Dexie.maxKey], true, true)
    .toArray();
  return membersUnderLatePrograms(
    rows.map((row): LedgerEvent => row.event),
    changing,
  );
}

/**
 * Writes the row of each late publication's program: its newest stored version not after
 * `upTo` (the newest event folded before them), as the full fold would have it there.
 */
export async function writeProgramVersions(
  db: TreuDatabase,
  late: readonly Publication[],
  upTo: Ordered,
): Promise<void> {
  if (late.length === 0) return;
  const versions = newestVersionsUpTo(late, await programEvents(db), upTo);
  await putAll(db.programs, versions.map(programViewOf));
}
