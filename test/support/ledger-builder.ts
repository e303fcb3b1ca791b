/**
 * Builds ledger events for tests and benchmarks: one builder per terminal, with its own
 * clock and `seq`, on a time the test sets (never the wall clock). Events carry a
 * placeholder signature unless signed explicitly: the projection does not verify.
 */
import { initialClock } from '../../shared/clock';
import { newEventId } from '../../shared/ids';
import type { EventDraft, LedgerEvent } from '../../shared/ledger/envelope';
import { nextEvent, type AppendState } from '../../shared/ledger/event-factory';
import type { EventData, EventType } from '../../shared/ledger/event-types';

export const PLACEHOLDER_SIG = 'A'.repeat(86);

export interface TerminalBuilder {
  readonly terminal: string;
  /** Makes the next event of this terminal at wall time `atMs`. */
  event<T extends EventType>(
    type: T,
    data: EventData<T>,
    atMs: number,
    staff?: string,
  ): LedgerEvent;
  /** The same, from a draft the rule engine returned. */
  fromDraft(draft: EventDraft, atMs: number, staff?: string): LedgerEvent;
}

export interface BuilderOptions {
  readonly tenant?: string;
  readonly store?: string;
  /** Event ids; by default UUIDv7 from the event's time (random in its low bits). */
  readonly makeId?: (atMs: number) => string;
}

export function terminalBuilder(terminal: string, options: BuilderOptions = {}): TerminalBuilder {
  const identity = {
    tenant: options.tenant ?? 'ten_demo',
    store: options.store ?? 'sto_demo',
    terminal,
  };
  const makeId = options.makeId ?? ((atMs: number) => newEventId(atMs));
  let state: AppendState = { clock: initialClock(terminal), seq: 0 };
  const make = (draft: EventDraft, atMs: number, staff?: string): LedgerEvent => {
    const next = nextEvent(identity, state, draft, atMs, staff, makeId);
    state = next.state;
    return { ...next.event, sig: PLACEHOLDER_SIG };
  };
  return {
    terminal,
    event: (type, data, atMs, staff) => make({ type, data } as EventDraft, atMs, staff),
    fromDraft: make,
  };
}

/** Deterministic UUIDv7-shaped ids from a counter, for seeded property tests and benches. */
export function sequentialEventIds(): (atMs: number) => string {
  let n = 0;
  return (atMs: number) => {
    n += 1;
    const time = atMs.toString(16).padStart(12, '0').slice(-12);
    const counter = n.toString(16).padStart(15, '0').slice(-15);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter.slice(0, 3)}-8${counter.slice(3, 6)}-${counter.slice(6, 15).padStart(12, '0')}`;
  };
}
