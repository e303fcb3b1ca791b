/**
 * The periods a manager picks on the terminal: today, this week (Monday first, as in
 * Germany), this month, in the store's calendar. Each runs from the local midnight that
 * starts it to the local midnight that ends today: the days still to come are not
 * shown, and an event a few minutes ahead of the wall clock (a hybrid clock pushed by a
 * faster terminal) still counts today.
 */
import { DAY_MS, localTime, zoneOffsetMs } from '../rules/local-time';
import { dateOfDayNumber } from './day-series';
import type { KpiPeriod } from './kpi-report';

export const REPORT_PERIODS = ['today', 'week', 'month'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIODS)[number];

export interface ReportPeriod extends KpiPeriod {
  readonly kind: ReportPeriodKind;
  /** The first local day, `YYYY-MM-DD`. */
  readonly firstDate: string;
  /** The last local day (today), `YYYY-MM-DD`. */
  readonly lastDate: string;
}

/**
 * The instant a local day begins. The offset is looked up at a first guess and then
 * again at the instant found, which settles it even on a day the clocks change (they
 * change at night, never at midnight, in the zones a store is likely to be in).
 */
export function startOfLocalDay(dayNumber: number, timeZone: string): number {
  const localMidnight = dayNumber * DAY_MS;
  const guess = localMidnight - zoneOffsetMs(localMidnight, timeZone);
  return localMidnight - zoneOffsetMs(guess, timeZone);
}

/** Today, this week or this month as of `nowMs`, in the zone's calendar. */
export function reportPeriod(
  kind: ReportPeriodKind,
  nowMs: number,
  timeZone: string,
): ReportPeriod {
  const today = localTime(nowMs, timeZone);
  const firstDay =
    kind === 'today'
      ? today.dayNumber
      : kind === 'week'
        ? today.dayNumber - (today.weekday - 1)
        : today.dayNumber - (today.day - 1);
  return {
    kind,
    fromMs: startOfLocalDay(firstDay, timeZone),
    toMs: startOfLocalDay(today.dayNumber + 1, timeZone),
    firstDate: dateOfDayNumber(firstDay),
    lastDate: today.date,
  };
}
