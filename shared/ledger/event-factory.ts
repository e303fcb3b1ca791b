/**
 * Puts the envelope on what the rule engine decided: a new UUIDv7, the next tick of the
 * terminal's hybrid logical clock and the next `seq`. Pure: the caller keeps the state
 * and commits it with the events (on the terminal, in the same Dexie transaction).
 */
import { formatHlc, tickSend, type HlcState } from '../clock';
import { newEventId } from '../ids';
import type { EventDraft, UnsignedEvent } from './envelope';

export interface TerminalIdentity {
  readonly tenant: string;
  readonly store: string;
  readonly terminal: string;
}

export interface AppendState {
  readonly clock: HlcState;
  /** The `seq` of the last event this terminal made; 0 before the first. */
  readonly seq: number;
}

export interface NextEvent {
  readonly event: UnsignedEvent;
  readonly state: AppendState;
}

export function nextEvent(
  identity: TerminalIdentity,
  state: AppendState,
  draft: EventDraft,
  nowMs: number,
  staff?: string,
  makeId: (nowMs: number) => string = newEventId,
): NextEvent {
  const clock = tickSend(state.clock, nowMs);
  const seq = state.seq + 1;
  const event = {
    id: makeId(clock.wallMs),
    hlc: formatHlc(clock),
    seq,
    tenant: identity.tenant,
    store: identity.store,
    terminal: identity.terminal,
    ...(staff === undefined ? {} : { staff }),
    type: draft.type,
    data: draft.data,
  } as UnsignedEvent;
  return { event, state: { clock, seq } };
}
