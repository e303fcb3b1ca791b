/**
 * Key figures of a period: the project's written definition of each KPI.
 *
 * Period: the half-open interval [fromMs, toMs) of wall-clock time. An event's time is
 * the wall-clock part of its hlc (`hlcWallMs`). W = `customerWindowDays` (default 90)
 * days of 24 hours. Local days are calendar days in `timeZone` (default Europe/Berlin).
 *
 * - Member: a member id followed through merges (`canonicalMember` over the fold's final
 *   views): a merged account counts as the member it was merged into, once.
 * - Voided events never count: a stamp whose id is in `voidTargets`, a redemption that
 *   is not in `views.redemptions`. Only stamps and redemptions can be voided.
 * - Visit: a non-voided `stamps.earned` with reason `purchase`, or a non-voided
 *   `reward.redeemed`. Bonuses (welcome, birthday, referral, campaign) and adjustments
 *   are not visits.
 * - Customer at instant t: a member with a visit in (t − W, t].
 * - Enrolment of a member: the first `member.enrolled` in total order among the accounts
 *   merged into it (a duplicate account opened later is not a new member).
 * - membersEnrolled: members whose enrolment lies in the period.
 * - activeMembers: members with a visit in the period.
 * - retention: S = customers at fromMs, E = customers at toMs, N = members enrolled in
 *   the period who are customers at toMs; rate = ((E − N) ÷ S) × 100, null when S = 0.
 *   A new member who never visited is in neither E nor N.
 * - repeatVisitRate: percent of active members with visits on at least 2 different local
 *   days of the period; null when there are no active members.
 * - stampsEarned: the sum of the counts of non-voided `stamps.earned` in the period, every
 *   reason but `adjustment` (a manager's correction is not an earning).
 * - stampsRedeemed, redemptions: the sum of the costs, and the number, of non-voided
 *   redemptions in the period.
 * - redemptionRate: stampsRedeemed ÷ stampsEarned × 100; null when nothing was earned.
 *   It can pass 100: stamps earned before the period are redeemed in it.
 * - perDay: for every local day the period touches, in order and including days without
 *   events, the stamps earned and the redemptions made that day.
 * - overdrafts: the redemptions in the period that the fold flagged `overdraft`. The flag
 *   depends on the whole ledger in total order, not on the period, so it is taken from
 *   the fold.
 * - perCashier: the period's figures per cashier (envelope `staff`), defined in
 *   per-cashier.ts.
 * - With `store`, only events recorded in that store (envelope `store`) count: visits,
 *   enrolments (a member counts as enrolled there when its enrolment was made there),
 *   stamps, redemptions, overdrafts and the figures per cashier. Merges and overdraft flags still come from the
 *   fold of every event of every store.
 *
 * The report is a pure function of the event set: the fold orders events and drops
 * duplicates. After the fold it is a single pass over the events in total order.
 */
import { hlcWallMs } from '../clock';
import type { LedgerEvent } from '../ledger/envelope';
import { canonicalMember } from '../projection/derived-views';
import { foldEvents, type Projection } from '../projection/projection';
import type { RedemptionView } from '../projection/views';
import { DAY_MS, isKnownTimeZone } from '../rules/local-time';
import { dayOf, emptyDaySeries, type DaySeries } from './day-series';
import { membersEnrolledIn, recordEnrolment, type FirstEnrolments } from './enrolments';
import type { KpiOptions, KpiPeriod, KpiReport, OverdraftItem } from './kpi-report';
import {
  cashierFigures,
  emptyCashierTally,
  tallyCashierEvent,
  type CashierFacts,
  type CashierTally,
} from './per-cashier';
import {
  countVisits,
  emptyVisitTally,
  isCustomerAtEnd,
  recordVisit,
  type VisitTally,
} from './visit-tally';

export const KPI_DEFAULTS = { customerWindowDays: 90, timeZone: 'Europe/Berlin' } as const;

/** A guard against a period that would make an absurdly long day series (a unit mix-up). */
export const MAX_PERIOD_DAYS = 36_600;

/** The KPIs of a period over a set of events, in any order, duplicates allowed. */
export function computeKpis(
  events: Iterable<LedgerEvent>,
  period: KpiPeriod,
  options: KpiOptions = {},
): KpiReport {
  return kpisOfProjection(foldEvents(events), period, options);
}

/** The same from a projection already folded (the server keeps one): no second fold. */
export function kpisOfProjection(
  p: Projection,
  period: KpiPeriod,
  options: KpiOptions = {},
): KpiReport {
  const [report] = kpisOfStores(p, period, [options.store], options);
  if (!report) throw new Error('kpisOfStores returned no report for the one store asked.');
  return report;
}

/** What one report gathers in the walk: all that depends on the store it counts. */
interface StoreTally {
  readonly store: string | undefined;
  readonly visits: VisitTally;
  readonly series: DaySeries;
  readonly overdrafts: OverdraftItem[];
  readonly cashiers: CashierTally;
  stampsEarned: number;
  stampsRedeemed: number;
  redemptions: number;
}

const counts = (tally: StoreTally, event: LedgerEvent) =>
  tally.store === undefined || event.store === tally.store;

/**
 * The reports of several stores (`undefined`: every store) in one walk over the events,
 * each what `kpisOfProjection` gives for its store: HQ's dashboard asks for all its
 * stores and the tenant at once. What does not depend on the store (an event's member,
 * whether it was voided, first enrolments) is looked up once per event.
 */
export function kpisOfStores(
  p: Projection,
  period: KpiPeriod,
  stores: readonly (string | undefined)[],
  options: Omit<KpiOptions, 'store'> = {},
): KpiReport[] {
  const customerWindowDays = options.customerWindowDays ?? KPI_DEFAULTS.customerWindowDays;
  const timeZone = options.timeZone ?? KPI_DEFAULTS.timeZone;
  checkArguments(period, customerWindowDays, timeZone);
  const { fromMs, toMs } = period;
  const { views, voidTargets } = p;

  const tallies = stores.map((store): StoreTally => ({
    store,
    visits: emptyVisitTally(period, customerWindowDays, timeZone),
    series: emptyDaySeries(period, timeZone),
    overdrafts: [],
    cashiers: emptyCashierTally(),
    stampsEarned: 0,
    stampsRedeemed: 0,
    redemptions: 0,
  }));
  const firstEnrolments: FirstEnrolments = new Map();
  const facts: CashierFacts = {
    isVoided: (event) =>
      event.type === 'reward.redeemed'
        ? !views.redemptions.has(event.id)
        : voidTargets.has(event.id),
    isOverdraft: (event) => views.redemptions.get(event.id)?.overdraft === true,
  };
  // A visit matters only in (fromMs − W, toMs]: the window before the start, the period
  // and the window before the end. The rest of an old ledger is passed over cheaply.
  const mattersFromMs = fromMs - customerWindowDays * DAY_MS;

  for (const event of p.ordered) {
    const ms = hlcWallMs(event.hlc);
    // In total order wall time never decreases, and nothing after toMs counts.
    if (ms > toMs) break;
    const inPeriod = ms >= fromMs && ms < toMs;
    if (inPeriod) {
      for (const tally of tallies) {
        if (counts(tally, event)) tallyCashierEvent(tally.cashiers, event, facts);
      }
    }
    if (event.type === 'member.enrolled') {
      // Not filtered by store here: a member's enrolment is its first anywhere.
      recordEnrolment(firstEnrolments, canonicalMember(views, event.data.member), event, ms);
      continue;
    }
    if (ms <= mattersFromMs) continue;
    if (event.type === 'stamps.earned') {
      if (voidTargets.has(event.id)) continue;
      const { data } = event;
      const visit = data.reason === 'purchase';
      const earned = inPeriod && data.reason !== 'adjustment' && data.count > 0;
      if (!visit && !earned) continue;
      const member = visit ? canonicalMember(views, data.member) : undefined;
      for (const tally of tallies) {
        if (!counts(tally, event)) continue;
        if (member !== undefined) recordVisit(tally.visits, member, ms);
        if (earned) {
          tally.stampsEarned += data.count;
          dayOf(tally.series, ms).stamps += data.count;
        }
      }
    } else if (event.type === 'reward.redeemed') {
      const redemption = views.redemptions.get(event.id); // absent when voided
      if (!redemption) continue;
      const member = canonicalMember(views, redemption.member);
      for (const tally of tallies) {
        if (!counts(tally, event)) continue;
        recordVisit(tally.visits, member, ms);
        if (!inPeriod) continue;
        tally.redemptions += 1;
        tally.stampsRedeemed += redemption.cost;
        dayOf(tally.series, ms).redemptions += 1;
        if (redemption.overdraft) tally.overdrafts.push(overdraftItem(redemption, member));
      }
    }
  }
  return tallies.map((tally) => reportOf(tally, firstEnrolments, period));
}

function reportOf(
  tally: StoreTally,
  firstEnrolments: FirstEnrolments,
  period: KpiPeriod,
): KpiReport {
  const { visits, stampsEarned, stampsRedeemed, overdrafts } = tally;
  const counted = countVisits(visits);
  const newMembers = membersEnrolledIn(firstEnrolments, period, tally.store);
  const newCustomers = newMembers.filter((member) => isCustomerAtEnd(visits, member)).length;
  return {
    membersEnrolled: newMembers.length,
    activeMembers: counted.activeMembers,
    retention: {
      customersAtStart: counted.customersAtStart,
      customersAtEnd: counted.customersAtEnd,
      newCustomers,
      rate: percent(counted.customersAtEnd - newCustomers, counted.customersAtStart),
    },
    repeatVisitRate: percent(counted.repeatVisitors, counted.activeMembers),
    redemptionRate: percent(stampsRedeemed, stampsEarned),
    stampsEarned,
    stampsRedeemed,
    redemptions: tally.redemptions,
    perDay: tally.series.days.map(({ date, stamps, redemptions }) => ({
      date,
      stamps,
      redemptions,
    })),
    overdrafts: { count: overdrafts.length, items: overdrafts },
    perCashier: cashierFigures(tally.cashiers),
  };
}

function overdraftItem(redemption: RedemptionView, member: string): OverdraftItem {
  return {
    id: redemption.id,
    member,
    program: redemption.program,
    reward: redemption.reward,
    cost: redemption.cost,
    store: redemption.store,
    terminal: redemption.terminal,
    staff: redemption.staff,
    hlc: redemption.hlc,
    balanceBefore: redemption.balanceBefore,
  };
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/** Bad arguments are a caller's bug (an HTTP route validates its query before calling). */
function checkArguments(period: KpiPeriod, customerWindowDays: number, timeZone: string): void {
  const { fromMs, toMs } = period;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs > toMs) {
    throw new RangeError(
      `A KPI period needs finite times with fromMs ≤ toMs; got ${fromMs} to ${toMs}.`,
    );
  }
  if (!Number.isFinite(customerWindowDays) || customerWindowDays <= 0) {
    throw new RangeError(
      `customerWindowDays must be a positive number; got ${customerWindowDays}.`,
    );
  }
  if (!isKnownTimeZone(timeZone)) {
    throw new RangeError(`"${timeZone}" is not a time zone this runtime knows.`);
  }
  if ((toMs - fromMs) / DAY_MS > MAX_PERIOD_DAYS) {
    throw new RangeError(`A KPI period may span at most ${MAX_PERIOD_DAYS} days.`);
  }
}
