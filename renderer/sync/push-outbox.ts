/**
 * One push: the oldest events the server has not acknowledged (the outbox, in clock
 * order), then, in one transaction, every one it accepted or already had leaves the
 * outbox. Events it rejected stay: nothing is dropped that the server does not hold.
 * When it refuses every event of a push (a 422), the reason goes to the sync status.
 */
import { Dexie } from 'dexie';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { ok, type Result } from '../../shared/result';
import type { Rejection } from '../../shared/sync/protocol';
import { readWrite, type TreuDatabase } from '../storage/database';
import type { ServerLink, SyncProblem } from '../storage/rows';
import { pushEvents } from './protocol-client';

export const PUSH_BATCH = 500;

export interface Pushed {
  readonly sent: number;
  readonly acknowledged: number;
  readonly rejected: readonly Rejection[];
  /** Whether the outbox holds more than this batch took. */
  readonly more: boolean;
}

export function outboxBatch(db: TreuDatabase, limit: number): Promise<LedgerEvent[]> {
  return db.events
    .where('[pending+hlc]')
    .between([1, Dexie.minKey], [1, Dexie.maxKey])
    .limit(limit)
    .toArray()
    .then((rows) => rows.map((row) => row.event));
}

export async function pushOutbox(
  db: TreuDatabase,
  link: ServerLink,
  terminal: string,
): Promise<Result<Pushed, SyncProblem>> {
  const batch = await outboxBatch(db, PUSH_BATCH + 1);
  const events = batch.slice(0, PUSH_BATCH);
  if (events.length === 0) return ok({ sent: 0, acknowledged: 0, rejected: [], more: false });
  const answer = await pushEvents(link, events);
  if (!answer.ok) return answer;
  const held = new Set([...answer.value.accepted, ...answer.value.duplicate]);
  // A rejected event stays, even under the highest seq: another event may hold its seq.
  const refused = new Set(answer.value.rejected.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  const acknowledged = events
    .filter(
      (event) =>
        !refused.has(event.id) &&
        (held.has(event.id) ||
          (event.terminal === terminal && event.seq <= answer.value.highestSeq)),
    )
    .map((event) => event.id);
  if (acknowledged.length > 0) {
    await readWrite(db, (tx) => tx.events.where('id').anyOf(acknowledged).modify({ pending: 0 }));
  }
  return ok({
    sent: events.length,
    acknowledged: acknowledged.length,
    rejected: answer.value.rejected,
    more: batch.length > PUSH_BATCH,
  });
}
