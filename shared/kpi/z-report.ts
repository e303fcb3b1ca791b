/**
 * The Z report: what one terminal recorded since its last day-end close, the figures a
 * `day.closed` event carries. The project's written definition of each figure.
 *
 * Period: the events recorded on this terminal (envelope `terminal`) whose clock value
 * lies in (from, to]. `from` is the `to` of the terminal's previous `day.closed` (its
 * newest in total order; the terminal finds it with `lastCloseOf` in
 * renderer/manager/day-end/day-end-store.ts), or, for a terminal never closed, the clock value just before the local day began
 * (`clockBefore`); `to` is the clock value of the newest event counted (`from` when there
 * is none). Clock values of one terminal are all different and only grow, so closes
 * chain without gap or overlap, and an event recorded while the manager reads the report
 * goes into the next one. `day.closed` events themselves count in no figure.
 *
 * - events: every event of the period.
 * - stamps: the sum of the counts of `stamps.earned`, every reason but `adjustment`,
 *   not voided by any void the terminal holds when the report is made.
 * - redemptions: `reward.redeemed` not so voided.
 * - enrolments: `member.enrolled`.
 * - voids: `event.voided` (an undo or a correction recorded here, whatever it voids).
 * - feedback: `feedback.given`.
 * - perCashier: the same events per cashier, as defined in per-cashier.ts.
 *
 * A stamp voided after its day was closed stays in that day's report; its void counts in
 * the day it was recorded.
 */
import { formatHlc, hlcWallMs, MAX_COUNTER } from '../clock';
import type { LedgerEvent } from '../ledger/envelope';
import type { EventData } from '../ledger/event-types';
import { compareEvents } from '../ledger/order';
import {
  cashierFigures,
  emptyCashierTally,
  tallyCashierEvent,
  type CashierFigures,
} from './per-cashier';

export type ZTotals = EventData<'day.closed'>['totals'];

export interface ZReportInput {
  readonly store: string;
  readonly terminal: string;
  /** Exclusive: the previous close's `to`, or `clockBefore(start of day)`. */
  readonly from: string;
  /** Any events; those of other terminals or outside the period are left out. */
  readonly events: Iterable<LedgerEvent>;
  /** Ids a stored `event.voided` names. */
  readonly voided: ReadonlySet<string>;
  /** Redemptions the projection flagged `overdraft`. */
  readonly overdrawn?: ReadonlySet<string>;
}

export interface ZReport {
  readonly store: string;
  readonly terminal: string;
  readonly from: string;
  readonly to: string;
  readonly totals: ZTotals;
  readonly perCashier: readonly CashierFigures[];
  /** Wall time of the first and the newest event counted; undefined when there is none. */
  readonly firstMs: number | undefined;
  readonly lastMs: number | undefined;
}

/** The clock value just before `ms` on this terminal: every event at `ms` or later is after it. */
export function clockBefore(ms: number, terminal: string): string {
  return formatHlc({ wallMs: ms - 1, counter: MAX_COUNTER, node: terminal });
}

export function zReport(input: ZReportInput): ZReport {
  const { terminal, from, voided } = input;
  const overdrawn = input.overdrawn ?? new Set<string>();
  const counted = [...input.events]
    .filter((e) => e.terminal === terminal && e.type !== 'day.closed' && e.hlc > from)
    .sort(compareEvents);
  // The same event twice (a replica may hold duplicates in a list) counts once.
  const unique = counted.filter((e, i) => i === 0 || counted[i - 1]?.id !== e.id);
  const totals = { events: 0, stamps: 0, redemptions: 0, enrolments: 0, voids: 0, feedback: 0 };
  const cashiers = emptyCashierTally();
  const facts = {
    isVoided: (event: LedgerEvent) => voided.has(event.id),
    isOverdraft: (event: LedgerEvent) => overdrawn.has(event.id),
  };
  for (const event of unique) {
    totals.events += 1;
    tallyCashierEvent(cashiers, event, facts);
    if (event.type === 'stamps.earned') {
      if (event.data.reason !== 'adjustment' && !facts.isVoided(event)) {
        totals.stamps += event.data.count;
      }
    } else if (event.type === 'reward.redeemed') {
      if (!facts.isVoided(event)) totals.redemptions += 1;
    } else if (event.type === 'member.enrolled') {
      totals.enrolments += 1;
    } else if (event.type === 'event.voided') {
      totals.voids += 1;
    } else if (event.type === 'feedback.given') {
      totals.feedback += 1;
    }
  }
  const first = unique[0];
  const last = unique[unique.length - 1];
  return {
    store: input.store,
    terminal,
    from,
    to: last?.hlc ?? from,
    totals,
    perCashier: cashierFigures(cashiers),
    firstMs: first === undefined ? undefined : hlcWallMs(first.hlc),
    lastMs: last === undefined ? undefined : hlcWallMs(last.hlc),
  };
}

/** The `day.closed` data that records this report. */
export function dayClosedData(report: ZReport): EventData<'day.closed'> {
  return {
    store: report.store,
    terminal: report.terminal,
    from: report.from,
    to: report.to,
    totals: { ...report.totals },
  };
}
