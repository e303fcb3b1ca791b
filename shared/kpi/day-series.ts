/**
 * The per-day series of a KPI report: one entry for every store-local calendar day the
 * period touches, so a chart shows quiet days as zeros instead of skipping them.
 * `localDayNumber` caches the zone's offset per UTC hour, so placing an event costs a map
 * lookup, not an Intl call.
 */
import { DAY_MS, localDayNumber } from '../rules/local-time';
import type { KpiPeriod } from './kpi-report';

export interface DayTally {
  readonly date: string;
  stamps: number;
  redemptions: number;
}

export interface DaySeries {
  readonly timeZone: string;
  /** The local day number of the first entry. */
  readonly firstDay: number;
  readonly days: DayTally[];
}

/** `YYYY-MM-DD` of a local day number (days since 1970-01-01 in local time). */
export function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The local days of [fromMs, toMs): from the day of `fromMs` to the day of its last instant. */
export function localDaysOf(period: KpiPeriod, timeZone: string): number {
  if (period.toMs <= period.fromMs) return 0;
  return localDayNumber(period.toMs - 1, timeZone) - localDayNumber(period.fromMs, timeZone) + 1;
}

export function emptyDaySeries(period: KpiPeriod, timeZone: string): DaySeries {
  const firstDay = localDayNumber(period.fromMs, timeZone);
  const days: DayTally[] = [];
  const count = localDaysOf(period, timeZone);
  for (let i = 0; i < count; i++) {
    days.push({ date: dateOfDayNumber(firstDay + i), stamps: 0, redemptions: 0 });
  }
  return { timeZone, firstDay, days };
}

/** The entry of the day of `ms`, which must lie in the period. */
export function dayOf(series: DaySeries, ms: number): DayTally {
  const day = series.days[localDayNumber(ms, series.timeZone) - series.firstDay];
  if (!day) throw new Error(`An instant outside the period reached the day series: ${ms}`);
  return day;
}
