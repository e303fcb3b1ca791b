/**
 * What the server checks of each pushed event before it stores it: the v1 schema, that
 * the pushing terminal made it (tenant, store, terminal), that its clock is not more
 * than MAX_DRIFT_MS ahead of the server's, and its Ed25519 signature. Each failure is a
 * rejection with a code and a sentence; the other events of the batch are unaffected.
 */
import { hlcWallMs, minutesBeyondDrift } from '../../shared/clock';
import { parseEvent, type LedgerEvent } from '../../shared/ledger/envelope';
import { verifyEvent } from '../../shared/ledger/signing';
import { err, ok, type Result } from '../../shared/result';
import type { Rejection } from '../../shared/sync/protocol';
import { eventRecordOf } from '../store/event-record';
import type { EventRecord, TerminalRow } from '../store/server-store';

export interface CheckedEvent {
  readonly event: LedgerEvent;
  readonly record: EventRecord;
}

/** The id of an event that failed its schema, when it has a readable one. */
const idOf = (raw: unknown): string | undefined =>
  typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string'
    ? raw.id.slice(0, 64)
    : undefined;

function scopeRejection(
  event: LedgerEvent,
  terminal: TerminalRow,
): Omit<Rejection, 'index'> | undefined {
  if (event.tenant !== terminal.tenant) {
    return {
      id: event.id,
      code: 'wrong_tenant',
      message: `The event belongs to tenant ${event.tenant}; this terminal pushes for ${terminal.tenant}.`,
    };
  }
  if (event.store !== terminal.store) {
    return {
      id: event.id,
      code: 'wrong_store',
      message: `The event belongs to store ${event.store}; this terminal is enrolled in ${terminal.store}.`,
    };
  }
  if (event.terminal !== terminal.id) {
    return {
      id: event.id,
      code: 'wrong_terminal',
      message: `The event was made by ${event.terminal}; a terminal pushes only its own events (this is ${terminal.id}).`,
    };
  }
  return undefined;
}

export async function checkPushedEvent(
  raw: unknown,
  index: number,
  terminal: TerminalRow,
  publicKey: CryptoKey,
  nowMs: number,
): Promise<Result<CheckedEvent, Rejection>> {
  const parsed = parseEvent(raw);
  if (!parsed.ok) {
    const id = idOf(raw);
    return err({
      ...(id === undefined ? {} : { id }),
      index,
      code: 'invalid_event',
      message: parsed.error.message,
    });
  }
  const event = parsed.value;
  const scope = scopeRejection(event, terminal);
  if (scope) return err({ ...scope, index });
  const minutesAhead = minutesBeyondDrift(hlcWallMs(event.hlc), nowMs);
  if (minutesAhead !== undefined) {
    return err({
      id: event.id,
      index,
      code: 'clock_ahead',
      message: `The event's clock is ${minutesAhead} minutes ahead of the server's. Set the terminal's date and time; the event stays in its outbox.`,
    });
  }
  if (!(await verifyEvent(event, publicKey))) {
    return err({
      id: event.id,
      index,
      code: 'bad_signature',
      message: 'The signature does not match the event and this terminal’s key.',
    });
  }
  return ok({ event, record: eventRecordOf(event) });
}
