/**
 * Recording a counter action's events without a round of reads before the writes. The
 * action was decided on views read moments ago (the snapshot); the events and the
 * snapshot with the events folded in are written at once, and the reads that
 * recordEvents would wait for go in front of the writes in the same transaction.
 * IndexedDB answers a transaction's requests in the order they were made, so those reads
 * see the state before the writes: when it is not the snapshot any more (another window
 * or a sync changed one of its rows), SnapshotMoved is thrown, which undoes the writes,
 * and the caller decides again on what is stored now.
 */
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { compareEvents, dropDuplicates, inTotalOrder } from '../../shared/ledger/order';
import type { DerivedViews } from '../../shared/projection/derived-views';
import { foldEvent } from '../../shared/projection/fold-step';
import type { TreuDatabase } from './database';
import { newestEvent, voidedAmong } from './event-queries';
import { recordEvents, storeEvents, type Recorded } from './record-events';
import { idsNamedBy, loadViews, rowsAsRead, writeViews, type RowsAsRead } from './stored-views';

/** Thrown inside the transaction to undo its writes: the snapshot is not what is stored. */
export class SnapshotMoved extends Error {
  constructor(
    /**
     * Whether a row of the snapshot changed. When not, the decision stands, and only its
     * events need the careful path (one sorts before an event stored already).
     */
    readonly rowsChanged: boolean,
  ) {
    super('The member changed while the action was being decided: decide again.');
  }
}

const sameRows = (a: RowsAsRead, b: RowsAsRead) =>
  (['members', 'balances', 'cards'] as const).every(
    (table) =>
      a[table].size === b[table].size &&
      [...a[table]].every(([key, json]) => b[table].get(key) === json),
  );

const samePrograms = (a: DerivedViews, b: DerivedViews) =>
  a.programs.size === b.programs.size &&
  [...a.programs].every(
    ([id, program]) => JSON.stringify(b.programs.get(id)) === JSON.stringify(program),
  );

/**
 * Whether the snapshot holds every row a fold of the events reads: the events are
 * stamps, redemptions and the like of the snapshot's members and cards (no void, no
 * program), so folding them into the snapshot is folding them into the stored rows.
 */
function coversEvents(snapshot: DerivedViews, events: readonly LedgerEvent[]): boolean {
  const named = idsNamedBy(events);
  return (
    events.every((event) => event.type !== 'event.voided' && event.type !== 'program.published') &&
    named.members.every((id) => snapshot.members.has(id)) &&
    named.cards.every((id) => snapshot.cards.has(id))
  );
}

/**
 * Records new events decided on `snapshot`, in the caller's read-write transaction. The
 * snapshot must be a whole answer of loadViews (the member, whoever it was merged into,
 * their cards and balances, every program): the check reads the same, and only its first
 * round goes in front of the writes; a later round is needed only when a row changed,
 * which the first round shows. Throws SnapshotMoved when the stored rows differ from the
 * snapshot, an event is stored already or voided (defensive: the ids are fresh), or one
 * sorts before the newest stored event. Events the snapshot cannot cover are recorded by
 * recordEvents.
 */
export async function recordOnSnapshot(
  db: TreuDatabase,
  events: readonly LedgerEvent[],
  snapshot: DerivedViews,
  options: { readonly pending: boolean },
): Promise<Recorded> {
  const batch = inTotalOrder([...events]);
  dropDuplicates(batch);
  const first = batch[0];
  if (!first || !coversEvents(snapshot, batch)) return recordEvents(db, events, options);
  const ids = batch.map((event) => event.id);
  const checks = Promise.all([
    db.events.bulkGet(ids),
    newestEvent(db),
    voidedAmong(db, ids),
    loadViews(db, { members: [...snapshot.members.keys()], cards: [...snapshot.cards.keys()] }),
  ]);
  const asRead = rowsAsRead(snapshot);
  const views = structuredClone(snapshot);
  for (const event of batch) foldEvent(views, event);
  const written = Promise.all([
    storeEvents(db, batch, options.pending),
    writeViews(db, views, { programsChanged: false, asRead }),
  ]);
  // When the transaction is undone, the writes fail too: that is expected, not unhandled.
  written.catch(() => undefined);
  const [stored, newest, voided, current] = await checks;
  const rowsChanged = !sameRows(rowsAsRead(current), asRead) || !samePrograms(current, snapshot);
  const notOnTime =
    stored.some((row) => row !== undefined) ||
    (newest !== undefined && compareEvents(first, newest) < 0) ||
    voided.length > 0;
  if (rowsChanged || notOnTime) throw new SnapshotMoved(rowsChanged);
  await written;
  return { added: batch, duplicates: [], conflicts: [] };
}
