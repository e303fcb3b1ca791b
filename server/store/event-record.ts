/** An event as the server stores it (`EventRecord`): its keys, and its canonical JSON as the body. */
import { canonicalJson } from '../../shared/ledger/canonical-json';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type { EventRecord } from './server-store';

export function eventRecordOf(event: LedgerEvent): EventRecord {
  return {
    id: event.id,
    tenant: event.tenant,
    terminal: event.terminal,
    seq: event.seq,
    body: canonicalJson(event),
  };
}
