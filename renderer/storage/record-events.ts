/**
 * Recording events in the terminal's store: the event rows, their references and the
 * projection tables, changed together inside the caller's read-write transaction. The
 * projection follows shared/projection's incremental fold: events that come after
 * everything stored are folded in place; an event that sorts earlier (synced from a
 * terminal that was offline) or a void of a stored stamp or redemption refolds only the
 * member clusters they touch; a program published out of order refolds the clusters of
 * the members whose stamps and redemptions it governs (late-programs.ts).
 */
import { isVoidable } from '../../shared/ledger/event-types';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { canonicalJson } from '../../shared/ledger/canonical-json';
import { compareEvents, dropDuplicates, inTotalOrder } from '../../shared/ledger/order';
import { foldUnlessVoided } from '../../shared/projection/fold-ordered';
import { cardChangedBy, membersNamedBy } from '../../shared/projection/ledger-index';
import { isPublication } from '../../shared/projection/late-programs';
import { touchesCluster } from '../../shared/projection/member-cluster';
import { createVoidTargets } from '../../shared/projection/void-targets';
import type { TreuDatabase } from './database';
import { newestEvent, voidedAmong } from './event-queries';
import { eventRefRows, eventRow } from './event-rows';
import { membersUnderStoredPrograms, writeProgramVersions } from './late-programs';
import { refoldStoredCluster, type ClusterSeeds } from './stored-cluster';
import { loadViewsFor, putAll, rowsAsRead, writeViews } from './stored-views';

/** An event whose id is stored already with other content: refused, never stored. */
export interface IdConflict {
  readonly code: 'id_conflict';
  readonly id: string;
}

export interface Recorded {
  /** Events stored now, in total order. */
  readonly added: readonly LedgerEvent[];
  /** Events that were stored already, unchanged. */
  readonly duplicates: readonly string[];
  readonly conflicts: readonly IdConflict[];
}

/**
 * Folds events that come after everything stored into the rows they touch. The views and
 * the stored voids are read together, and the voids among `events` themselves are taken
 * from `events`, so this need not wait for the events to be stored first.
 */
async function foldInPlace(db: TreuDatabase, events: readonly LedgerEvent[]): Promise<void> {
  const [views, voided] = await Promise.all([
    loadViewsFor(db, events),
    voidedAmong(
      db,
      events.map((event) => event.id),
    ),
  ]);
  const voidTargets = createVoidTargets();
  for (const id of voided) voidTargets.add(id);
  for (const event of events) if (event.type === 'event.voided') voidTargets.add(event.data.target);
  const asRead = rowsAsRead(views);
  for (const event of events) foldUnlessVoided(views, voidTargets, event);
  await writeViews(db, views, {
    programsChanged: events.some((event) => event.type === 'program.published'),
    asRead,
  });
}

/** Adds the event rows and their references. */
export async function storeEvents(
  db: TreuDatabase,
  events: readonly LedgerEvent[],
  pending: boolean,
): Promise<void> {
  const refs = events.flatMap(eventRefRows);
  await Promise.all([
    db.events.bulkAdd(events.map((event) => eventRow(event, pending))),
    putAll(db.eventRefs, refs),
  ]);
}

/** The stored stamps and redemptions that these events (not stored yet) void for the first time. */
async function undoneBy(db: TreuDatabase, events: readonly LedgerEvent[]) {
  const undone: LedgerEvent[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    if (event.type !== 'event.voided' || seen.has(event.data.target)) continue;
    seen.add(event.data.target);
    if ((await db.events.where('target').equals(event.data.target).count()) > 0) continue;
    const target = (await db.events.get(event.data.target))?.event;
    if (target && isVoidable(target)) undone.push(target);
  }
  return undone;
}

const seedsOf = (events: readonly LedgerEvent[]): ClusterSeeds => ({
  members: events.flatMap(membersNamedBy),
  cards: events.flatMap((event) => cardChangedBy(event) ?? []),
});

/**
 * Stores the events that are new, folds them into the projection, and reports what was
 * new, a duplicate, or a conflicting reuse of an id. Run it inside a read-write
 * transaction over every table.
 */
export async function recordEvents(
  db: TreuDatabase,
  events: readonly LedgerEvent[],
  options: { readonly pending: boolean },
): Promise<Recorded> {
  const batch = inTotalOrder([...events]);
  dropDuplicates(batch);
  const [stored, newest] = await Promise.all([
    db.events.bulkGet(batch.map((event) => event.id)),
    newestEvent(db),
  ]);
  const duplicates: string[] = [];
  const conflicts: IdConflict[] = [];
  const fresh = batch.filter((event, i) => {
    const row = stored[i];
    if (!row) return true;
    if (canonicalJson(row.event) === canonicalJson(event)) duplicates.push(event.id);
    else conflicts.push({ code: 'id_conflict', id: event.id });
    return false;
  });
  if (fresh.length === 0) return { added: [], duplicates, conflicts };

  // `fresh` is in total order, so the events that sort before the newest stored come first.
  const late = newest ? fresh.filter((event) => compareEvents(event, newest) < 0) : [];
  const undone = await undoneBy(db, fresh);
  if (late.length === 0 && undone.length === 0) {
    // Nothing stored is folded again: the event rows and the projection go side by side.
    await Promise.all([storeEvents(db, fresh, options.pending), foldInPlace(db, fresh)]);
  } else {
    await storeEvents(db, fresh, options.pending);
    const latePrograms = late.filter(isPublication);
    const seeds = seedsOf([...late, ...undone]);
    const governed = await membersUnderStoredPrograms(db, latePrograms);
    const cluster = await refoldStoredCluster(db, {
      members: [...seeds.members, ...governed],
      cards: seeds.cards,
    });
    // Late events sort before the newest stored one, so there is one when they exist.
    if (newest) await writeProgramVersions(db, latePrograms, newest);
    const onTime = fresh.slice(late.length).filter((event) => !touchesCluster(cluster, event));
    if (onTime.length > 0) await foldInPlace(db, onTime);
  }
  return { added: fresh, duplicates, conflicts };
}
