/**
 * A draft checked against the schema of its event type before it is signed: input a
 * person typed (a name, a phone number) is refused with the fields named, and a signed
 * event is always one the server and every other terminal will accept.
 */
import { describeFieldErrors, fieldErrors, type FieldError } from '../../shared/ledger/envelope';
import type { EventDraft } from '../../shared/ledger/envelope';
import { eventDataSchemas } from '../../shared/ledger/event-types';
import { err, ok, type Result } from '../../shared/result';

export interface InvalidDraft {
  readonly code: 'invalid_input';
  /** Fields of the event's data, e.g. `phone`. */
  readonly fields: readonly FieldError[];
  readonly message: string;
}

export function checkDraft(draft: EventDraft): Result<EventDraft, InvalidDraft> {
  const parsed = eventDataSchemas[draft.type].safeParse(draft.data);
  if (parsed.success) return ok(draft);
  const fields = fieldErrors(parsed.error);
  return err({ code: 'invalid_input', fields, message: describeFieldErrors(fields) });
}

/** For drafts the terminal made itself: an invalid one is a bug, not a cashier's mistake. */
export class InvalidDraftError extends Error {
  constructor(draft: EventDraft, problem: InvalidDraft) {
    super(`The terminal made an invalid ${draft.type} event: ${problem.message}`);
  }
}
