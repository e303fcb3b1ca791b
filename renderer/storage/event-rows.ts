/** How an event is stored: its row, and a reference row per member, card or program it names. */
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { cardChangedBy, membersNamedBy } from '../../shared/projection/ledger-index';
import type { EventRefRow, EventRow } from './rows';

/** Program references share this prefix: every program's history in one key range. */
export const PROGRAM_PREFIX = 'prg_';

/** The members, card and program an event names: what its history and clusters follow. */
export function refsOf(event: LedgerEvent): string[] {
  const refs = new Set(membersNamedBy(event));
  const card = cardChangedBy(event);
  if (card !== undefined) refs.add(card);
  if (event.type === 'program.published') refs.add(event.data.program);
  return [...refs];
}

export function eventRow(event: LedgerEvent, pending: boolean): EventRow {
  return {
    id: event.id,
    hlc: event.hlc,
    pending: pending ? 1 : 0,
    ...(event.type === 'event.voided' ? { target: event.data.target } : {}),
    event,
  };
}

export function eventRefRows(event: LedgerEvent): EventRefRow[] {
  return refsOf(event).map((ref) => ({ ref, hlc: event.hlc, id: event.id }));
}
