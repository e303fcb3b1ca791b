/**
 * HQ's periods in store-local calendar days, each a half-open [fromMs, toMs) for the KPIs:
 * - today: the current local day;
 * - week: the last 7 local days, today included;
 * - month: the last 30 local days, today included;
 * - custom: from `from` to `to`, both local days included.
 */
import {
  DAY_MS,
  localDayNumber,
  dayNumberOfDate,
  zoneOffsetMs,
} from '../../shared/rules/local-time';
import type { KpiPeriod } from '../../shared/kpi/kpi-report';
import type { PeriodKind, ResolvedPeriod } from '../../shared/sync/reports-protocol';

/** HQ's calendar: the stores' zone (the KPIs' default). */
export const HQ_TIME_ZONE = 'Europe/Berlin';

const DAYS: Record<Exclude<PeriodKind, 'custom'>, number> = { today: 1, week: 7, month: 30 };

/** The instant a local day begins (midnight; no zone moves its clocks at midnight here). */
export function startOfLocalDay(dayNumber: number, timeZone: string): number {
  const guess = dayNumber * DAY_MS - zoneOffsetMs(dayNumber * DAY_MS, timeZone);
  return dayNumber * DAY_MS - zoneOffsetMs(guess, timeZone);
}

const dateOf = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

export function resolvePeriod(
  query: { period: PeriodKind; from?: string | undefined; to?: string | undefined },
  nowMs: number,
  timeZone = HQ_TIME_ZONE,
): ResolvedPeriod & KpiPeriod {
  let first: number;
  let last: number;
  if (query.period === 'custom') {
    // The query schema made sure both are there and in order.
    first = dayNumberOfDate(query.from ?? '');
    last = dayNumberOfDate(query.to ?? '');
  } else {
    last = localDayNumber(nowMs, timeZone);
    first = last - DAYS[query.period] + 1;
  }
  return {
    kind: query.period,
    from: dateOf(first),
    to: dateOf(last),
    fromMs: startOfLocalDay(first, timeZone),
    toMs: startOfLocalDay(last + 1, timeZone),
    timeZone,
  };
}
