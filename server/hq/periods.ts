/**
 * HQ's periods in store-local calendar days, each a half-open [fromMs, toMs) for the KPIs:
 * - today: the current local day;
 * - week: the last 7 local days, today included;
 * - month: the last 30 local days, today included;
 * - custom: from `from` to `to`, both local days included.
 * The calendar arithmetic is the terminal's reports' (shared/kpi/report-periods.ts).
 */
import { KPI_DEFAULTS } from '../../shared/kpi/compute-kpis';
import { dateOfDayNumber } from '../../shared/kpi/day-series';
import type { KpiPeriod } from '../../shared/kpi/kpi-report';
import { startOfLocalDay } from '../../shared/kpi/report-periods';
import { dayNumberOfDate, localDayNumber } from '../../shared/rules/local-time';
import type { PeriodKind, ResolvedPeriod } from '../../shared/sync/reports-protocol';

const DAYS: Record<Exclude<PeriodKind, 'custom'>, number> = { today: 1, week: 7, month: 30 };

export function resolvePeriod(
  query: { period: PeriodKind; from?: string | undefined; to?: string | undefined },
  nowMs: number,
  timeZone: string = KPI_DEFAULTS.timeZone,
): ResolvedPeriod & KpiPeriod {
  let first: number;
  let last: number;
  if (query.period === 'custom') {
    // The query schema made sure both are there, real dates, and in order.
    first = dayNumberOfDate(query.from ?? '');
    last = dayNumberOfDate(query.to ?? '');
  } else {
    last = localDayNumber(nowMs, timeZone);
    first = last - DAYS[query.period] + 1;
  }
  return {
    kind: query.period,
    from: dateOfDayNumber(first),
    to: dateOfDayNumber(last),
    fromMs: startOfLocalDay(first, timeZone),
    toMs: startOfLocalDay(last + 1, timeZone),
    timeZone,
  };
}
