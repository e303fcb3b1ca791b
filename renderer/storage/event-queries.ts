/** Reading stored events: by id, newest, the events that name a member, card or program. */
import { Dexie } from 'dexie';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type { TreuDatabase } from './database';
import { PROGRAM_PREFIX } from './event-rows';

/** The newest stored event in total order. */
export async function newestEvent(db: TreuDatabase): Promise<LedgerEvent | undefined> {
  return (await db.events.orderBy('[hlc+id]').last())?.event;
}

/** The ids of the events that name a member or card, in total order. */
export async function eventIdsNaming(db: TreuDatabase, ref: string): Promise<string[]> {
  const refs = await db.eventRefs
    .where('[ref+hlc+id]')
    .between([ref, Dexie.minKey, Dexie.minKey], [ref, Dexie.maxKey, Dexie.maxKey])
    .toArray();
  return refs.map((row) => row.id);
}

async function eventsOfRefRange(
  db: TreuDatabase,
  from: string,
  to: string,
  options: { readonly newestFirst?: boolean; readonly limit?: number } = {},
): Promise<LedgerEvent[]> {
  let refs = db.eventRefs
    .where('[ref+hlc+id]')
    .between([from, Dexie.minKey, Dexie.minKey], [to, Dexie.maxKey, Dexie.maxKey]);
  if (options.newestFirst) refs = refs.reverse();
  if (options.limit !== undefined) refs = refs.limit(options.limit);
  const ids = (await refs.toArray()).map((row) => row.id);
  const rows = await db.events.bulkGet(ids);
  return rows.flatMap((row) => (row ? [row.event] : []));
}

/** The events that name a member or card, in total order (or newest first, limited). */
export function eventsNaming(
  db: TreuDatabase,
  ref: string,
  options?: { readonly newestFirst?: boolean; readonly limit?: number },
): Promise<LedgerEvent[]> {
  return eventsOfRefRange(db, ref, ref, options);
}

/** Every `program.published`, in total order per program. */
export function programEvents(db: TreuDatabase): Promise<LedgerEvent[]> {
  return eventsOfRefRange(db, PROGRAM_PREFIX, `${PROGRAM_PREFIX}\uffff`);
}

/** The ids among `ids` that a stored void names. */
export async function voidedAmong(db: TreuDatabase, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const voids = await db.events.where('target').anyOf(ids).toArray();
  return voids.flatMap((row) => (row.target === undefined ? [] : [row.target]));
}
