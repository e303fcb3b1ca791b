/**
 * The shape of a KPI report: what `computeKpis` takes and returns. A plain object of
 * numbers, strings and nulls, so it can go over HTTP as it is. The definitions of the
 * figures are written in compute-kpis.ts (and per cashier in per-cashier.ts).
 */
import type { CashierFigures } from './per-cashier';

/** A half-open period of wall-clock time, [fromMs, toMs). */
export interface KpiPeriod {
  readonly fromMs: number;
  readonly toMs: number;
}

export interface KpiOptions {
  /** W: a member with a visit in the last W days is a customer. Default 90. */
  readonly customerWindowDays?: number;
  /** The IANA zone whose calendar days the per-day series and repeat visits use. */
  readonly timeZone?: string;
  /** Count only events recorded in this store (envelope `store`). */
  readonly store?: string;
}

export interface RetentionFigures {
  /** S: customers at `fromMs`. */
  readonly customersAtStart: number;
  /** E: customers at `toMs`. */
  readonly customersAtEnd: number;
  /** N: members enrolled in the period who are customers at `toMs`. */
  readonly newCustomers: number;
  /** ((E − N) ÷ S) × 100, or null when S = 0. */
  readonly rate: number | null;
}

export interface DayFigures {
  /** The store-local calendar day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Stamps earned that day (as `stampsEarned`). */
  readonly stamps: number;
  /** Redemptions made that day. */
  readonly redemptions: number;
}

export interface OverdraftItem {
  readonly id: string;
  /** The member who holds the account now (after merges). */
  readonly member: string;
  readonly program: string;
  readonly reward: string;
  readonly cost: number;
  readonly store: string;
  readonly terminal: string;
  readonly staff: string | undefined;
  readonly hlc: string;
  /** The balance just before the redemption, in the total order of the whole ledger. */
  readonly balanceBefore: number;
}

export interface KpiReport {
  readonly membersEnrolled: number;
  readonly activeMembers: number;
  readonly retention: RetentionFigures;
  /** Percent of active members who visited on at least 2 store-local days; null if none. */
  readonly repeatVisitRate: number | null;
  /** stampsRedeemed ÷ stampsEarned × 100; null when nothing was earned. */
  readonly redemptionRate: number | null;
  /** Stamps credited in the period, adjustments left out. */
  readonly stampsEarned: number;
  /** Stamps spent on rewards in the period (the sum of the redemptions' costs). */
  readonly stampsRedeemed: number;
  /** Number of redemptions in the period. */
  readonly redemptions: number;
  /** One entry per store-local day the period touches, in order, days without events too. */
  readonly perDay: readonly DayFigures[];
  /** Redemptions in the period that overdrew the balance, in total order. */
  readonly overdrafts: { readonly count: number; readonly items: readonly OverdraftItem[] };
  /** The period's figures per cashier (envelope `staff`), ordered by staff id, null last. */
  readonly perCashier: readonly CashierFigures[];
}
