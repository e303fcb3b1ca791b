/**
 * "Sync now": push the whole outbox, then pull until the server has nothing newer, then
 * exchange the store's staff list, and write down how it went (the status bar reads it). Safe to interrupt and to repeat.
 */
import { err, ok, type Result } from '../../shared/result';
import type { TreuDatabase } from '../storage/database';
import { readMeta, writeMeta } from '../storage/meta';
import type { SyncProblem } from '../storage/rows';
import { pullInbox } from './pull-inbox';
import { pushOutbox } from './push-outbox';
import { syncStaff } from './sync-staff';

export interface SyncReport {
  readonly pushed: number;
  readonly pulled: number;
}

/** Push problems after which pulling still makes sense: the server answered, and refused. */
const REFUSALS: ReadonlySet<SyncProblem['code']> = new Set(['clock_ahead', 'rejected']);

/** Enough rounds for a large day-end; a loop that still has more goes on next time. */
const MAX_ROUNDS = 1_000;

export type SyncProgress = (step: { readonly pushed: number; readonly pulled: number }) => void;

async function exchange(
  db: TreuDatabase,
  now: () => number,
  progress: SyncProgress,
): Promise<Result<SyncReport, SyncProblem | { readonly code: 'not_enrolled' }>> {
  let pushed = 0;
  let pulled = 0;
  // A push the server refused (a clock ahead, say) must not keep the terminal from
  // pulling: its balances would go stale. Only a missing network or token ends the sync.
  let refusal: SyncProblem | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const [link, identity] = await Promise.all([readMeta(db, 'server'), readMeta(db, 'identity')]);
    if (!link || !identity) return err({ code: 'not_enrolled' });
    const push = await pushOutbox(db, link, identity.terminal);
    if (!push.ok) {
      if (!REFUSALS.has(push.error.code)) return push;
      refusal = push.error;
      break;
    }
    pushed += push.value.acknowledged;
    progress({ pushed, pulled });
    const [firstRejection] = push.value.rejected;
    if (firstRejection) {
      // Refused events stay in the outbox (nothing the server does not hold is dropped);
      // the status says why, and the next push tries them again.
      refusal = {
        code: firstRejection.code === 'clock_ahead' ? 'clock_ahead' : 'rejected',
        detail: firstRejection.message,
        serverCode: firstRejection.code,
      };
    }
    // A batch that moved nothing would come back unchanged: stop, not spin.
    if (!push.value.more || push.value.acknowledged === 0) break;
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const link = await readMeta(db, 'server');
    if (!link) return err({ code: 'not_enrolled' });
    const pull = await pullInbox(db, link, now);
    if (!pull.ok) return pull;
    pulled += pull.value.received;
    progress({ pushed, pulled });
    if (!pull.value.more) break;
  }
  // The store's staff list rides along (not ledger events: sync-staff.ts).
  const link = await readMeta(db, 'server');
  if (!link) return err({ code: 'not_enrolled' });
  const staff = await syncStaff(db, link);
  // A refusal of events says more than a staff problem (and is what the cashier can mend).
  if (refusal) return err(refusal);
  if (!staff.ok) return staff;
  return ok({ pushed, pulled });
}

export async function syncOnce(
  db: TreuDatabase,
  options: { readonly now?: () => number; readonly progress?: SyncProgress } = {},
): Promise<Result<SyncReport, SyncProblem | { readonly code: 'not_enrolled' }>> {
  const now = options.now ?? Date.now;
  const result = await exchange(db, now, options.progress ?? (() => undefined));
  if (result.ok) {
    await writeMeta(db, 'sync', { lastSyncMs: now(), lastError: undefined });
  } else if (result.error.code !== 'not_enrolled') {
    const before = await readMeta(db, 'sync');
    await writeMeta(db, 'sync', { lastSyncMs: before?.lastSyncMs, lastError: result.error });
  }
  return result;
}
