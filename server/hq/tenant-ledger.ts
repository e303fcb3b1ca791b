/**
 * A tenant's whole ledger, folded: what every report is computed from. The fold is kept a
 * short while, keyed by the tenant's newest position in the store: a dashboard load asks
 * for several reports at once (KPIs, overdrafts), and they share one read and one fold.
 * Each request first asks the store for that position, so an answer is never older than
 * the store, whichever server instance stored the newest events; the cache only saves
 * work and holds nothing another instance would need.
 */
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldEvents, type Projection } from '../../shared/projection/projection';
import type { ServerStore } from '../store/server-store';

const PAGE = 10_000;
/** Long enough for one dashboard load's calls; a fold of a big tenant is not kept longer. */
const FOLD_KEPT_MS = 30_000;
/** Folds kept at once (of different tenants): bounds the memory. */
const MAX_KEPT = 8;

/** The tenant's events up to `last` (its newest position when asked), folded. */
async function foldUpTo(store: ServerStore, tenant: string, last: number): Promise<Projection> {
  const events: LedgerEvent[] = [];
  let position = 0;
  while (position < last) {
    const page = await store.eventsAfter(tenant, position, PAGE);
    for (const row of page) {
      // Stored after the event schema and the signature check: the bodies are events.
      if (row.position <= last) events.push(JSON.parse(row.body) as LedgerEvent);
    }
    position = page.at(-1)?.position ?? last;
    if (page.length < PAGE) break;
  }
  return foldEvents(events);
}

interface KeptFold {
  readonly position: number;
  readonly keptUntilMs: number;
  readonly projection: Promise<Projection>;
}

export interface TenantLedgers {
  /** The tenant's ledger as the store has it now, folded (shared with calls in flight). */
  fold(tenant: string, nowMs: number): Promise<Projection>;
}

export function createTenantLedgers(store: ServerStore): TenantLedgers {
  const kept = new Map<string, KeptFold>();
  return {
    async fold(tenant, nowMs) {
      const position = await store.newestPosition(tenant);
      for (const [key, fold] of kept) if (fold.keptUntilMs <= nowMs) kept.delete(key);
      const found = kept.get(tenant);
      if (found?.position === position) return found.projection;
      // No await between the look-up and keeping the promise: a call that comes while
      // this fold runs finds it and waits for the same one.
      const projection = foldUpTo(store, tenant, position);
      kept.delete(tenant);
      if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value ?? '');
      kept.set(tenant, { position, keptUntilMs: nowMs + FOLD_KEPT_MS, projection });
      // A failed read is not kept: the next call tries again.
      void projection.catch(() => {
        if (kept.get(tenant)?.projection === projection) kept.delete(tenant);
      });
      return projection;
    },
  };
}
