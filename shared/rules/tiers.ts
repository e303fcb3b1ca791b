/**
 * Tiers (silver, gold, …) are held by stamps earned in a trailing window, 12 months
 * unless the program says otherwise. Adjustments do not count; bonuses do.
 */
import { DAY_MS } from './local-time';
import { programDefaults, type ProgramRules } from './program-schema';

/** Stamps earned in the window that ends at `asOfMs`, from [ms, count, …] earnings. */
export function stampsInWindow(
  earnings: readonly number[],
  windowDays: number,
  asOfMs: number,
): number {
  const since = asOfMs - windowDays * DAY_MS;
  let total = 0;
  for (let i = earnings.length - 2; i >= 0; i -= 2) {
    const ms = earnings[i] ?? 0;
    if (ms <= since) break; // earnings are in time order
    if (ms <= asOfMs) total += earnings[i + 1] ?? 0;
  }
  return total;
}

/** The name of the highest tier reached at `asOfMs`, or undefined. */
export function tierAt(
  earnings: readonly number[],
  tiers: ProgramRules['tiers'],
  asOfMs: number,
): string | undefined {
  if (!tiers) return undefined;
  const stamps = stampsInWindow(
    earnings,
    tiers.windowDays ?? programDefaults.tierWindowDays,
    asOfMs,
  );
  let reached: { name: string; minStamps: number } | undefined;
  for (const level of tiers.levels) {
    if (stamps >= level.minStamps && (!reached || level.minStamps > reached.minStamps))
      reached = level;
  }
  return reached?.name;
}
