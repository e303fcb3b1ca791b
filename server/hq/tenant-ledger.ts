/**
 * A tenant's whole ledger, folded: what every report is computed from. The first report
 * of a tenant reads and folds all its events; the fold is then kept, and each later
 * report first folds in the events stored since, through the incremental fold
 * (`applyEvents`: an event that sorts before others, from a terminal that was offline,
 * refolds only its members). Positions in the store become visible in order, so reading
 * on after the kept position misses nothing.
 *
 * Each request first asks the store for the tenant's newest position, so an answer is
 * never older than the store, whichever server instance stored the newest events; the
 * kept fold only saves work and holds nothing another instance would need. A fold nobody
 * asked for in an hour is dropped, and so are the least recently asked ones when the kept
 * folds hold more events than the bound (a million events take about 1 GB of heap).
 */
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { applyEvents, foldEvents, type Projection } from '../../shared/projection/projection';
import type { ServerStore } from '../store/server-store';

const PAGE = 10_000;

export interface KeptFoldLimits {
  /** A fold asked for within this time is kept up to date rather than made again. */
  readonly idleMs: number;
  /** Events the kept folds may hold together (of different tenants): bounds the memory. */
  readonly events: number;
}

export const KEPT_FOLD_LIMITS: KeptFoldLimits = { idleMs: 60 * 60_000, events: 2_000_000 };

/** The tenant's events after position `after` up to `last`, in server order. */
async function eventsBetween(
  store: ServerStore,
  tenant: string,
  after: number,
  last: number,
): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = [];
  let position = after;
  while (position < last) {
    const page = await store.eventsAfter(tenant, position, PAGE);
    for (const row of page) {
      // Stored after the event schema and the signature check: the bodies are events.
      if (row.position <= last) events.push(JSON.parse(row.body) as LedgerEvent);
    }
    position = page.at(-1)?.position ?? last;
    if (page.length < PAGE) break;
  }
  return events;
}

interface KeptFold {
  /** The fold up to `position`, once the reads queued before settle. */
  projection: Promise<Projection>;
  /** The newest position read into the fold, or queued to be. */
  position: number;
  /** Events in the fold when it last settled (0 while the first fold runs). */
  events: number;
  lastAskedMs: number;
}

export interface TenantLedgers {
  /** The tenant's ledger as the store has it now, folded (shared with calls in flight). */
  fold(tenant: string, nowMs: number): Promise<Projection>;
}

export function createTenantLedgers(
  store: ServerStore,
  limits: KeptFoldLimits = KEPT_FOLD_LIMITS,
): TenantLedgers {
  const kept = new Map<string, KeptFold>();

  /** Drops idle folds, then the least recently asked ones over the bound; never `asked`. */
  const dropFolds = (asked: string, nowMs: number) => {
    for (const [tenant, fold] of kept) {
      if (tenant !== asked && nowMs - fold.lastAskedMs >= limits.idleMs) kept.delete(tenant);
    }
    let events = 0;
    for (const fold of kept.values()) events += fold.events;
    const oldestFirst = [...kept].sort(([, a], [, b]) => a.lastAskedMs - b.lastAskedMs);
    for (const [tenant, fold] of oldestFirst) {
      if (events <= limits.events) break;
      if (tenant === asked) continue;
      kept.delete(tenant);
      events -= fold.events;
    }
  };

  /** Keeps the fold's size once its reads settle; a failed read is not kept. */
  const settle = (tenant: string, fold: KeptFold) => {
    const { projection } = fold;
    projection.then(
      (p) => {
        if (kept.get(tenant) !== fold || fold.projection !== projection) return;
        fold.events = p.ordered.length;
        dropFolds(tenant, fold.lastAskedMs);
      },
      () => {
        // The next call reads and folds the ledger again: nothing half read stays.
        if (kept.get(tenant) === fold) kept.delete(tenant);
      },
    );
  };

  return {
    async fold(tenant, nowMs) {
      const newest = await store.newestPosition(tenant);
      // No await from here to the return: a call that comes while a read runs finds the
      // fold and queues behind it, so each event is read and folded once.
      // A call that read an older newest position than one before it gets the newer fold.
      let fold = kept.get(tenant);
      if (!fold) {
        const projection = eventsBetween(store, tenant, 0, newest).then(foldEvents);
        fold = { projection, position: newest, events: 0, lastAskedMs: nowMs };
        kept.set(tenant, fold);
        settle(tenant, fold);
      } else if (newest > fold.position) {
        const after = fold.position;
        fold.projection = fold.projection.then(async (p) =>
          applyEvents(p, await eventsBetween(store, tenant, after, newest)),
        );
        fold.position = newest;
        settle(tenant, fold);
      }
      fold.lastAskedMs = nowMs;
      dropFolds(tenant, nowMs);
      return fold.projection;
    },
  };
}
