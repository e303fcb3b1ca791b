/**
 * Keeps the terminal in sync while it runs: a sync at start, after each local action (a
 * moment later, so a burst of stamps goes in one push), when the server's live stream
 * says other terminals' events landed, when the network comes back, and every so often;
 * after a failure it waits longer each time, with jitter so that a store's terminals
 * coming back together do not all knock at once. A revoked or unknown token stops every
 * automatic sync, nudges and live news included: only the manager can mend that ("sync
 * now" still tries, and a sync that goes through starts the loop again). Safe to stop at any point: every sync step is safe to interrupt.
 */
import type { Result } from '../../shared/result';
import type { TreuDatabase } from '../storage/database';
import type { SyncProblem } from '../storage/rows';
import { readMeta } from '../storage/meta';
import { listenForUpdates } from './live-updates';
import { retryDelayMs } from './retry-delay';
import { syncOnce, type SyncProgress, type SyncReport } from './sync-once';

export type SyncOutcome = Result<SyncReport, SyncProblem | { readonly code: 'not_enrolled' }>;

export interface SyncLoopOptions {
  /** Between syncs while all is well. */
  readonly intervalMs?: number;
  /** After a local action, before its push. */
  readonly nudgeDelayMs?: number;
  /** The first retry's delay; each further one doubles, up to maxRetryMs. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly onProgress?: SyncProgress;
  /** Told when a sync starts (true) and ends (false). */
  readonly onBusy?: (busy: boolean) => void;
  /** Listen to the server's live stream and pull as soon as events land (default: yes). */
  readonly live?: boolean;
}

export interface SyncLoop {
  /** Syncs now (after the one under way, if any) and says how it went. */
  syncNow(): Promise<SyncOutcome>;
  /** A local action happened: push it soon. */
  nudge(): void;
  stop(): void;
}

const GIVES_UP: ReadonlySet<string> = new Set(['unauthorized', 'revoked', 'not_enrolled']);

export function startSyncLoop(db: TreuDatabase, options: SyncLoopOptions = {}): SyncLoop {
  const intervalMs = options.intervalMs ?? 30_000;
  const nudgeDelayMs = options.nudgeDelayMs ?? 1_000;
  const random = options.random ?? Math.random;
  let failures = 0;
  // Set by a revoked or unknown token; only a sync that goes through (sync now) clears it.
  let gaveUp = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerDueMs = 0;
  // Syncs run one after the other: a new one starts when the one before has ended.
  let queue: Promise<unknown> = Promise.resolve();

  /** The next sync in this time, unless one is already due sooner. */
  const schedule = (delayMs: number) => {
    if (stopped || gaveUp) return;
    const dueMs = Date.now() + delayMs;
    if (timer !== undefined && timerDueMs <= dueMs) return;
    if (timer !== undefined) clearTimeout(timer);
    timerDueMs = dueMs;
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, delayMs);
  };

  const attempt = async (): Promise<SyncOutcome> => {
    options.onBusy?.(true);
    try {
      const outcome: SyncOutcome = await syncOnce(db, {
        ...(options.now ? { now: options.now } : {}),
        ...(options.onProgress ? { progress: options.onProgress } : {}),
      }).catch((error: unknown) => ({
        // A storage failure (the database closed by a newer tab, say): retried like the rest.
        ok: false as const,
        error: { code: 'server_error' as const, detail: `This terminal: ${String(error)}` },
      }));
      if (outcome.ok) {
        failures = 0;
        gaveUp = false;
        schedule(intervalMs);
      } else if (GIVES_UP.has(outcome.error.code)) {
        gaveUp = true;
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
      } else {
        failures += 1;
        schedule(retryDelayMs(failures, random, options.retryMs, options.maxRetryMs));
      }
      return outcome;
    } finally {
      options.onBusy?.(false);
    }
  };

  const run = (): Promise<SyncOutcome> => {
    const next = queue.then(attempt);
    queue = next.catch(() => undefined);
    return next;
  };

  const onOnline = () => {
    failures = 0;
    schedule(0);
  };
  const events = typeof window === 'undefined' ? undefined : window;
  events?.addEventListener('online', onOnline);
  const live =
    options.live === false
      ? undefined
      : listenForUpdates(
          () => readMeta(db, 'server'),
          (cursor) => {
            void readMeta(db, 'server').then((link) => {
              if (link && link.pullCursor !== cursor && failures === 0) schedule(0);
            });
          },
        );
  schedule(0);

  return {
    syncNow: run,
    nudge() {
      // While backing off, the retry comes soon enough; a nudge must not defeat the backoff.
      if (failures === 0) schedule(nudgeDelayMs);
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      events?.removeEventListener('online', onOnline);
      live?.stop();
    },
  };
}
