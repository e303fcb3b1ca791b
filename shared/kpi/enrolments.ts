/**
 * When and where each member joined. A member's enrolment is the first `member.enrolled`
 * in total order among all the accounts merged into it, so a duplicate account opened
 * today for a member of long standing, and merged since, is not a new member.
 */
import type { EventOf } from '../ledger/envelope';
import type { KpiPeriod } from './kpi-report';

export interface Enrolment {
  readonly ms: number;
  readonly store: string;
}

/** Canonical member → its first enrolment; fill it in total order. */
export type FirstEnrolments = Map<string, Enrolment>;

export function recordEnrolment(
  first: FirstEnrolments,
  member: string,
  event: EventOf<'member.enrolled'>,
  ms: number,
): void {
  if (!first.has(member)) first.set(member, { ms, store: event.store });
}

/** Members whose enrolment lies in the period (and, with a store, was made there). */
export function membersEnrolledIn(
  first: FirstEnrolments,
  period: KpiPeriod,
  store: string | undefined,
): string[] {
  const enrolled: string[] = [];
  for (const [member, { ms, store: where }] of first) {
    if (ms < period.fromMs || ms >= period.toMs) continue;
    if (store !== undefined && where !== store) continue;
    enrolled.push(member);
  }
  return enrolled;
}
