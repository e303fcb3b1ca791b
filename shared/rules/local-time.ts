/**
 * Store-local calendar time. Caps per day, campaign hours, birthdays and end dates are
 * local to the store's time zone, and the projection asks for local days once per
 * event, so the zone's UTC offset is cached per UTC hour: a zone changes its offset at
 * most at an hour boundary, and Intl is far too slow to call a million times.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface LocalTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** Days since 1970-01-01 in local time: equal for instants on the same local day. */
  readonly dayNumber: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows this IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    // Intl throws a RangeError for an unknown zone; that is the answer, not a bug.
    return false;
  }
}

function computeOffsetMs(utcHourStartMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcHourStartMs));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return asUtc - utcHourStartMs;
}

/** The zone's offset from UTC at an instant, in milliseconds (cached per UTC hour). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let perHour = offsetCache.get(timeZone);
  if (!perHour) {
    perHour = new Map();
    offsetCache.set(timeZone, perHour);
  }
  const hour = Math.floor(ms / HOUR_MS);
  let offset = perHour.get(hour);
  if (offset === undefined) {
    offset = computeOffsetMs(hour * HOUR_MS, timeZone);
    perHour.set(hour, offset);
  }
  return offset;
}

/** The local day number of an instant (cheap: the hot path of the projection). */
export function localDayNumber(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / DAY_MS);
}

export function localTime(ms: number, timeZone: string): LocalTime {
  const localMs = ms + zoneOffsetMs(ms, timeZone);
  const date = new Date(localMs);
  const dayNumber = Math.floor(localMs / DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    weekday: ((date.getUTCDay() + 6) % 7) + 1,
    date: date.toISOString().slice(0, 10),
    dayNumber,
  };
}

/** The local day number of a `YYYY-MM-DD` date. */
export function dayNumberOfDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}
