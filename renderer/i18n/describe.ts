/** Refusals and errors of the terminal's actions, worded for the cashier in the current language. */
import { assertNever } from '../../shared/result';
import type { EnrolError } from '../sync/enrol-terminal';
import type { CounterError } from '../terminal/counter-actions';
import type { IdentifyError } from '../terminal/identify';
import type { MemberDeskError } from '../terminal/member-actions';
import type { Messages } from './en';
import type { SignInRefusal } from '../terminal/sign-in';

export function describeCounterError(t: Messages, error: CounterError, rewardName = ''): string {
  const r = t.refusal;
  switch (error.code) {
    case 'cooldown':
      return r.cooldown(error.waitSeconds);
    case 'cap_per_transaction':
      return r.cap_per_transaction(error.cap);
    case 'cap_per_day':
      return r.cap_per_day(error.cap, error.remaining);
    case 'below_minimum_amount':
      return r.below_minimum_amount;
    case 'invalid_quantity':
      return r.invalid_quantity;
    case 'not_enough_stamps':
      return r.not_enough_stamps(error.missing, rewardName);
    case 'unknown_reward':
      return r.unknown_reward;
    case 'card_blocked':
      return r.card_blocked;
    case 'member_erased':
      return r.member_erased;
    case 'offline_limit':
      return r.offline_limit(error.limit);
    case 'needs_network':
      return r.needs_network;
    case 'program_expired':
      return r.program_expired(error.endsOn);
    case 'not_undoable':
      return r.not_undoable;
    case 'already_undone':
      return r.already_undone;
    case 'undo_window_passed':
      return r.undo_window_passed(error.windowSeconds);
    case 'manager_required':
      return r.manager_required;
    case 'nothing_to_undo':
      return r.nothing_to_undo;
    case 'unknown_program':
      return r.unknown_program;
    default:
      return assertNever(error);
  }
}

export function describeIdentifyError(t: Messages, error: IdentifyError): string {
  return t.scan[error.code];
}

export function describeDeskError(t: Messages, error: MemberDeskError): string {
  if (error.code === 'invalid_input') {
    const known = t.enrol.fieldErrors;
    const isKnown = (field: string): field is keyof typeof known => field in known;
    return error.fields
      .map(({ field, message }) => (isKnown(field) ? known[field] : `${field}: ${message}`))
      .join(' ');
  }
  if (error.code === 'card_in_use') return t.enrol.card_in_use;
  if (error.code === 'unknown_member') return t.members.unknownMember;
  if (error.code === 'unknown_program') return t.refusal.unknown_program;
  if (error.code === 'same_member') return t.members.sameMember;
  return describeCounterError(t, error);
}

/** Why a sync or an enrolment did not go through, in the cashier's language. */
export function describeSyncProblem(
  t: Messages,
  problem: EnrolError | { readonly code: 'not_enrolled' },
): string {
  const p = t.sync.problem;
  switch (problem.code) {
    case 'already_enrolled':
      return p.already_enrolled(problem.url);
    case 'rejected':
      return problem.detail ? `${p.rejected} ${problem.detail}` : p.rejected;
    case 'offline':
    case 'unauthorized':
    case 'revoked':
    case 'clock_ahead':
    case 'server_error':
    case 'bad_answer':
    case 'not_set_up':
    case 'bad_address':
    case 'not_enrolled':
    case 'unknown_code':
    case 'code_used':
    case 'code_expired':
    case 'ledger_changed':
      return p[problem.code];
    default:
      return assertNever(problem);
  }
}

/** Why a PIN was not taken, for the sign-in pad and the customer view's exit alike. */
export function describeSignInRefusal(t: Messages, refusal: SignInRefusal): string {
  const e = t.signIn.errors;
  switch (refusal.code) {
    case 'wrong_pin':
      return e.wrong_pin(refusal.attemptsLeft);
    case 'locked':
      return e.locked(refusal.waitSeconds);
    case 'pin_format':
      return e.pin_format;
    case 'unknown_staff':
      return e.unknown_staff;
    default:
      return assertNever(refusal);
  }
}
