/**
 * Figures per cashier: who at the counter gave the stamps, handed out the rewards and
 * undid or corrected what. The project's written definition of each figure.
 *
 * Cashier: the envelope's `staff` of an event; events without one (system events, or
 * events made before anyone signed in) are tallied under `null`. Every figure counts
 * events the cashier recorded, in the period (and, with a store, in that store), by the
 * same rules as compute-kpis.ts:
 *
 * - stamps: the sum of the counts of non-voided `stamps.earned`, every reason but
 *   `adjustment` (as `stampsEarned`).
 * - redemptions, stampsRedeemed: the number, and the sum of the costs, of non-voided
 *   `reward.redeemed`.
 * - overdrafts: those of these redemptions the fold flagged `overdraft`.
 * - enrolments: `member.enrolled` events recorded (a duplicate account counts here: the
 *   cashier did open it).
 * - voids: `event.voided` events recorded, a cashier's undo and a manager's correction
 *   alike; `corrections` counts the second kind alone.
 * - adjustments: non-voided `stamps.earned` with reason `adjustment` (a manager's
 *   correction of a balance), counted as events, not stamps.
 *
 * A cashier appears when at least one of their events in the period was counted; the
 * list is ordered by staff id, `null` last, so it is the same on every replica.
 */
import type { LedgerEvent } from '../ledger/envelope';

export interface CashierFigures {
  /** The envelope's `staff`, or null for events without one. */
  readonly staff: string | null;
  readonly stamps: number;
  readonly redemptions: number;
  readonly stampsRedeemed: number;
  readonly overdrafts: number;
  readonly enrolments: number;
  readonly voids: number;
  readonly corrections: number;
  readonly adjustments: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the tally needs to know of the ledger as a whole, beyond one event. */
export interface CashierFacts {
  /** A stamp or redemption that a void names (for a redemption: not in the fold's views). */
  isVoided(event: LedgerEvent): boolean;
  /** A redemption the fold flagged `overdraft`. */
  isOverdraft(event: LedgerEvent): boolean;
}

/** By staff id (or null); fill it with the period's events, in any order. */
export type CashierTally = Map<string | null, Mutable<CashierFigures>>;

export const emptyCashierTally = (): CashierTally => new Map();

/** A member of staff with nothing counted yet. */
export const noCashierFigures = (staff: string | null): CashierFigures => ({
  staff,
  stamps: 0,
  redemptions: 0,
  stampsRedeemed: 0,
  overdrafts: 0,
  enrolments: 0,
  voids: 0,
  corrections: 0,
  adjustments: 0,
});

function figuresOf(tally: CashierTally, staff: string | null): Mutable<CashierFigures> {
  let figures = tally.get(staff);
  if (!figures) {
    figures = { ...noCashierFigures(staff) };
    tally.set(staff, figures);
  }
  return figures;
}

/** Tallies one event of the period; events no figure counts leave the tally as it is. */
export function tallyCashierEvent(
  tally: CashierTally,
  event: LedgerEvent,
  facts: CashierFacts,
): void {
  const staff = event.staff ?? null;
  if (event.type === 'stamps.earned') {
    if (facts.isVoided(event)) return;
    const figures = figuresOf(tally, staff);
    if (event.data.reason === 'adjustment') figures.adjustments += 1;
    else figures.stamps += event.data.count;
  } else if (event.type === 'reward.redeemed') {
    if (facts.isVoided(event)) return;
    const figures = figuresOf(tally, staff);
    figures.redemptions += 1;
    figures.stampsRedeemed += event.data.cost;
    if (facts.isOverdraft(event)) figures.overdrafts += 1;
  } else if (event.type === 'member.enrolled') {
    figuresOf(tally, staff).enrolments += 1;
  } else if (event.type === 'event.voided') {
    const figures = figuresOf(tally, staff);
    figures.voids += 1;
    if (event.data.reason === 'manager_correction') figures.corrections += 1;
  }
}

/** The tally as a list ordered by staff id, `null` last. */
export function cashierFigures(tally: CashierTally): CashierFigures[] {
  return [...tally.values()].sort((a, b) => {
    if (a.staff === b.staff) return 0;
    if (a.staff === null) return 1;
    if (b.staff === null) return -1;
    return a.staff < b.staff ? -1 : 1;
  });
}
