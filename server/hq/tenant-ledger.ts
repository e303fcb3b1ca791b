/**
 * A tenant's whole ledger, folded: what every report is computed from. Read from the
 * store on each request (no state in memory that another instance would need), as the
 * snapshot route does.
 */
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldEvents, type Projection } from '../../shared/projection/projection';
import type { ServerStore } from '../store/server-store';

const PAGE = 10_000;

export async function foldTenant(store: ServerStore, tenant: string): Promise<Projection> {
  const events: LedgerEvent[] = [];
  let position = 0;
  for (;;) {
    const page = await store.eventsAfter(tenant, position, PAGE);
    // Stored only after passing the event schema and the signature check: the bodies are events.
    for (const row of page) events.push(JSON.parse(row.body) as LedgerEvent);
    position = page.at(-1)?.position ?? position;
    if (page.length < PAGE) break;
  }
  return foldEvents(events);
}
