/**
 * Wall-clock times in the store's time zone, as a `datetime-local` input shows them
 * (`YYYY-MM-DDTHH:mm`), and back. A manager thinks in the store's hours, whatever zone
 * the tablet they edit on is set to.
 */
import { zoneOffsetMs } from '../../../shared/rules/local-time';

const LOCAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u;

/** The instant a store-local `YYYY-MM-DDTHH:mm` names, or undefined when it is no such time. */
export function instantOfLocal(local: string, timeZone: string): number | undefined {
  if (!LOCAL_PATTERN.test(local)) return undefined;
  const asUtc = Date.parse(`${local}:00Z`);
  // Date.parse rolls 2026-02-30 over into March: only a time that reads back is one.
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== local) {
    return undefined;
  }
  // The offset at the guess can differ from the offset at the answer around a clock
  // change: a second pass settles it.
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  return asUtc - zoneOffsetMs(first, timeZone);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `YYYY-MM-DDTHH:mm` of an instant in the store's zone. */
export function localOfInstant(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16);
}

/** An ISO date-time with the zone's offset (`2026-03-02T14:00:00+01:00`), as campaigns keep it. */
export function isoWithOffset(ms: number, timeZone: string): string {
  const offsetMinutes = Math.round(zoneOffsetMs(ms, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${localOfInstant(ms, timeZone)}:00${offset}`;
}
