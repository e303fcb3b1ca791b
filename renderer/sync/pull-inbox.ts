/**
 * One pull: the tenant's events after the stored cursor, recorded (duplicates change
 * nothing, late ones refold only their members) together with the new cursor and the
 * terminal's clock moved past them, in one transaction. Interrupted anywhere, the next
 * pull repeats at most this page, harmlessly.
 */
import { MAX_DRIFT_MS, parseHlc, type HlcState } from '../../shared/clock';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { ok, type Result } from '../../shared/result';
import { readWrite, type TreuDatabase } from '../storage/database';
import { readMeta, writeMeta } from '../storage/meta';
import { recordEvents } from '../storage/record-events';
import type { ServerLink, SyncProblem } from '../storage/rows';
import { pullEvents } from './protocol-client';

export const PULL_PAGE = 1_000;

/**
 * The terminal's clock after seeing these events, so that what it does next sorts after
 * them. A clock more than the allowed drift ahead of this terminal's wall clock is not
 * followed (that event is still recorded).
 */
export function clockAfter(
  clock: HlcState,
  events: readonly LedgerEvent[],
  nowMs: number,
): HlcState {
  let next = clock;
  for (const event of events) {
    const remote = parseHlc(event.hlc);
    if (!remote.ok || remote.value.wallMs - nowMs > MAX_DRIFT_MS) continue;
    const { wallMs, counter } = remote.value;
    if (wallMs > next.wallMs || (wallMs === next.wallMs && counter > next.counter)) {
      next = { ...next, wallMs, counter };
    }
  }
  return next;
}

export async function pullInbox(
  db: TreuDatabase,
  link: ServerLink,
  nowMs: () => number,
): Promise<Result<{ readonly received: number; readonly more: boolean }, SyncProblem>> {
  const answer = await pullEvents(link, PULL_PAGE);
  if (!answer.ok) return answer;
  // The schema checked every event; its output is the LedgerEvent union.
  const events = answer.value.events as LedgerEvent[];
  await readWrite(db, async (tx) => {
    const [server, cursor] = await Promise.all([readMeta(tx, 'server'), readMeta(tx, 'cursor')]);
    // Another pull (a second tab) got here first: its page is recorded already.
    if (server?.pullCursor !== link.pullCursor) return;
    if (events.length > 0) await recordEvents(tx, events, { pending: false });
    await writeMeta(tx, 'server', { ...(server ?? link), pullCursor: answer.value.cursor });
    if (cursor)
      await writeMeta(tx, 'cursor', {
        ...cursor,
        clock: clockAfter(cursor.clock, events, nowMs()),
      });
  });
  return ok({ received: events.length, more: answer.value.more });
}
