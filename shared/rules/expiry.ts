/**
 * When stamps lapse: after `inactivityDays` without a visit, or when the program's
 * `endsOn` date has passed. The projection lapses a balance at the next visit; the rule
 * engine asks the same question for "now", so both always agree.
 */
import { dayNumberOfDate, DAY_MS, localDayNumber } from './local-time';
import { programDefaults, type ProgramRules } from './program-schema';

export function stampsHaveLapsed(
  rules: ProgramRules | undefined,
  lastActivityMs: number | undefined,
  atMs: number,
): boolean {
  const expiry = rules?.expiry;
  if (!expiry || lastActivityMs === undefined) return false;
  if (
    expiry.inactivityDays !== undefined &&
    atMs - lastActivityMs > expiry.inactivityDays * DAY_MS
  ) {
    return true;
  }
  return (
    expiry.endsOn !== undefined &&
    programHasEnded(rules, atMs) &&
    !programHasEnded(rules, lastActivityMs)
  );
}

/** Whether the program's last day (`expiry.endsOn`, store-local) is behind `atMs`. */
export function programHasEnded(rules: ProgramRules | undefined, atMs: number): boolean {
  const endsOn = rules?.expiry?.endsOn;
  if (endsOn === undefined) return false;
  const timeZone = rules?.timeZone ?? programDefaults.timeZone;
  return localDayNumber(atMs, timeZone) > dayNumberOfDate(endsOn);
}
