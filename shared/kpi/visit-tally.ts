/**
 * What the KPIs need to know of each member's visits, gathered in one pass: was the
 * member a customer at the start of the period, at its end, did it visit during the
 * period, and on more than one store-local day? Only these four facts are kept per
 * member, so a million visits cost a map lookup each and memory per member, not per visit.
 */
import { DAY_MS, localDayNumber } from '../rules/local-time';
import type { KpiPeriod } from './kpi-report';

const CUSTOMER_AT_START = 1;
const CUSTOMER_AT_END = 2;
const ACTIVE = 4;
const REPEAT = 8;

interface MemberVisits {
  flags: number;
  /** The local day of the member's first visit in the period (meaningful when ACTIVE). */
  firstDay: number;
}

export interface VisitTally {
  readonly period: KpiPeriod;
  readonly windowMs: number;
  readonly timeZone: string;
  /** By canonical member id. */
  readonly members: Map<string, MemberVisits>;
}

export function emptyVisitTally(
  period: KpiPeriod,
  customerWindowDays: number,
  timeZone: string,
): VisitTally {
  return { period, windowMs: customerWindowDays * DAY_MS, timeZone, members: new Map() };
}

/** Records a visit of `member` (already followed through merges) at wall time `ms`. */
export function recordVisit(tally: VisitTally, member: string, ms: number): void {
  const { fromMs, toMs } = tally.period;
  let flags = 0;
  if (ms > fromMs - tally.windowMs && ms <= fromMs) flags |= CUSTOMER_AT_START;
  if (ms > toMs - tally.windowMs && ms <= toMs) flags |= CUSTOMER_AT_END;
  const inPeriod = ms >= fromMs && ms < toMs;
  if (flags === 0 && !inPeriod) return;
  let visits = tally.members.get(member);
  if (!visits) {
    visits = { flags: 0, firstDay: 0 };
    tally.members.set(member, visits);
  }
  visits.flags |= flags;
  if (!inPeriod || (visits.flags & REPEAT) !== 0) return;
  const day = localDayNumber(ms, tally.timeZone);
  if ((visits.flags & ACTIVE) === 0) {
    visits.flags |= ACTIVE;
    visits.firstDay = day;
  } else if (day !== visits.firstDay) {
    visits.flags |= REPEAT;
  }
}

export function isCustomerAtEnd(tally: VisitTally, member: string): boolean {
  return ((tally.members.get(member)?.flags ?? 0) & CUSTOMER_AT_END) !== 0;
}

export interface VisitCounts {
  readonly customersAtStart: number;
  readonly customersAtEnd: number;
  readonly activeMembers: number;
  /** Active members with visits on at least two different local days of the period. */
  readonly repeatVisitors: number;
}

export function countVisits(tally: VisitTally): VisitCounts {
  let customersAtStart = 0;
  let customersAtEnd = 0;
  let activeMembers = 0;
  let repeatVisitors = 0;
  for (const { flags } of tally.members.values()) {
    if (flags & CUSTOMER_AT_START) customersAtStart += 1;
    if (flags & CUSTOMER_AT_END) customersAtEnd += 1;
    if (flags & ACTIVE) activeMembers += 1;
    if (flags & REPEAT) repeatVisitors += 1;
  }
  return { customersAtStart, customersAtEnd, activeMembers, repeatVisitors };
}
