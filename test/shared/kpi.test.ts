/**
 * KPIs against figures worked out by hand. The main fixture is one week of a café with
 * two stores; each expectation shows its arithmetic. Every instant is fixed in UTC; the
 * store's calendar is Europe/Berlin (UTC+1 in January), so 23:30 UTC is the next day.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis, kpisOfProjection, kpisOfStores } from '../../shared/kpi/compute-kpis';
import type { KpiReport } from '../../shared/kpi/kpi-report';
import { noCashierFigures, type CashierFigures } from '../../shared/kpi/per-cashier';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type { EventData } from '../../shared/ledger/event-types';
import { isInTotalOrder } from '../../shared/ledger/order';
import { applyEvents, createProjection, foldEvents } from '../../shared/projection/projection';
import {
  sequentialEventIds,
  terminalBuilder,
  type TerminalBuilder,
} from '../support/ledger-builder';

const DAY = 86_400_000;
/** Monday 5 January 2026, 00:00 in Berlin. */
const FROM = Date.UTC(2026, 0, 4, 23);
/** Monday 12 January 2026, 00:00 in Berlin: the week is [FROM, TO). */
const TO = Date.UTC(2026, 0, 11, 23);
const WEEK = { fromMs: FROM, toMs: TO };

function setup() {
  const makeId = sequentialEventIds();
  const a = terminalBuilder('term_a1', { makeId, store: 'sto_mitte' });
  const b = terminalBuilder('term_b1', { makeId, store: 'sto_mitte' });
  const c = terminalBuilder('term_c1', { makeId, store: 'sto_south' });
  const enrol = (t: TerminalBuilder, member: string, at: number) =>
    t.event('member.enrolled', { member, consent: { marketing: false } }, at);
  const stamp = (
    t: TerminalBuilder,
    member: string,
    count: number,
    at: number,
    reason: EventData<'stamps.earned'>['reason'] = 'purchase',
  ) => t.event('stamps.earned', { member, program: 'prg_coffee', count, reason }, at);
  const redeem = (t: TerminalBuilder, member: string, cost: number, at: number, staff?: string) =>
    t.event(
      'reward.redeemed',
      { member, program: 'prg_coffee', reward: 'rwd_free-coffee', cost },
      at,
      staff,
    );
  const voidEvent = (t: TerminalBuilder, target: LedgerEvent, at: number) =>
    t.event('event.voided', { target: target.id, reason: 'cashier_undo' }, at);
  const merge = (t: TerminalBuilder, from: string, into: string, at: number) =>
    t.event('member.merged', { from, into }, at);
  return { a, b, c, enrol, stamp, redeem, voidEvent, merge };
}

/**
 * The café week. Each terminal's events are made in time order, as a terminal makes
 * them (its clock never goes back). Who is who:
 * - anna: regular; visits Mon, Tue 23:30 UTC (Wed in Berlin), Wed (two redemptions, the
 *   second on terminal b overdraws), and Fri in the south store.
 * - ben: last visit 10 Oct: a customer at the start (within 90 days), lapsed by the end.
 * - carl: a customer; twice on Tuesday, the same day; an adjustment on Sunday.
 * - dora: last visit 1 Sep, before the window; visits again only after the week.
 * - emil: new on Tuesday, welcome stamp and visits Tue and Sun 23:45 Berlin.
 * - fritz: new on Thursday, never visits.
 * - gina: new on Saturday; her only visit is voided.
 * - hans: customer since December (with an overdraft then); visits Mon; his duplicate
 *   account hans-2 opens and visits on Thursday and is merged into him.
 * - karl: south store customer since December, no visit this week.
 * - jana: new in the south store on Friday, visits once.
 * - ida: enrols the Monday after the week.
 */
function cafeWeek() {
  const { a, b, c, enrol, stamp, redeem, voidEvent, merge } = setup();
  const events: LedgerEvent[] = [
    enrol(a, 'mem_ben', Date.UTC(2025, 7, 1, 10)),
    enrol(a, 'mem_carl', Date.UTC(2025, 7, 1, 11)),
    enrol(a, 'mem_dora', Date.UTC(2025, 7, 2, 10)),
    enrol(a, 'mem_anna', Date.UTC(2025, 8, 1, 10)),
    stamp(a, 'mem_dora', 1, Date.UTC(2025, 8, 1, 12)),
    enrol(a, 'mem_hans', Date.UTC(2025, 9, 1, 10)),
    stamp(a, 'mem_ben', 1, Date.UTC(2025, 9, 10, 10)),
    enrol(c, 'mem_karl', Date.UTC(2025, 10, 15, 10)),
    stamp(a, 'mem_carl', 1, Date.UTC(2025, 10, 20, 10)),
    stamp(c, 'mem_karl', 1, Date.UTC(2025, 11, 1, 10)),
    stamp(a, 'mem_anna', 4, Date.UTC(2025, 11, 10, 10)),
    stamp(a, 'mem_hans', 10, Date.UTC(2025, 11, 15, 10)),
    redeem(a, 'mem_hans', 10, Date.UTC(2025, 11, 16, 10), 'stf_anton'),
    redeem(b, 'mem_hans', 10, Date.UTC(2025, 11, 16, 10, 5), 'stf_berta'), // overdraft, before the week
  ];
  const week: LedgerEvent[] = [
    stamp(a, 'mem_anna', 2, Date.UTC(2026, 0, 5, 8)),
    stamp(a, 'mem_hans', 12, Date.UTC(2026, 0, 5, 9)),
    enrol(a, 'mem_emil', Date.UTC(2026, 0, 6, 9)),
    stamp(a, 'mem_emil', 1, Date.UTC(2026, 0, 6, 9), 'welcome'),
    stamp(a, 'mem_emil', 1, Date.UTC(2026, 0, 6, 9, 1)),
    stamp(a, 'mem_carl', 1, Date.UTC(2026, 0, 6, 10)),
    stamp(a, 'mem_carl', 1, Date.UTC(2026, 0, 6, 16)),
    stamp(a, 'mem_anna', 1, Date.UTC(2026, 0, 6, 23, 30)), // Wed 7 Jan 00:30 in Berlin
    redeem(a, 'mem_anna', 6, Date.UTC(2026, 0, 7, 10), 'stf_anton'), // balance 4+2+1 = 7 ≥ 6
  ];
  const overdraft = redeem(b, 'mem_anna', 6, Date.UTC(2026, 0, 7, 10, 2), 'stf_berta'); // balance 1 < 6
  week.push(
    overdraft,
    enrol(a, 'mem_fritz', Date.UTC(2026, 0, 8, 9)),
    enrol(a, 'mem_hans-2', Date.UTC(2026, 0, 8, 10)),
    stamp(a, 'mem_hans-2', 2, Date.UTC(2026, 0, 8, 10, 1)),
    merge(a, 'mem_hans-2', 'mem_hans', Date.UTC(2026, 0, 8, 10, 30)),
    enrol(c, 'mem_jana', Date.UTC(2026, 0, 9, 12)),
    stamp(c, 'mem_jana', 1, Date.UTC(2026, 0, 9, 12, 1)),
    stamp(c, 'mem_anna', 1, Date.UTC(2026, 0, 9, 13)),
    enrol(a, 'mem_gina', Date.UTC(2026, 0, 10, 10)),
  );
  const voided = stamp(a, 'mem_gina', 2, Date.UTC(2026, 0, 10, 10, 1));
  week.push(
    voided,
    voidEvent(a, voided, Date.UTC(2026, 0, 10, 10, 2)),
    stamp(a, 'mem_carl', 5, Date.UTC(2026, 0, 11, 22, 30), 'adjustment'),
    stamp(a, 'mem_emil', 1, Date.UTC(2026, 0, 11, 22, 45)), // Sun 11 Jan 23:45 in Berlin
  );
  const after: LedgerEvent[] = [
    stamp(a, 'mem_dora', 1, Date.UTC(2026, 0, 12, 8)),
    enrol(a, 'mem_ida', Date.UTC(2026, 0, 12, 9)),
  ];
  const all = [...events, ...week, ...after];
  // Written in time order, so no terminal's clock was pushed past a later event's time.
  expect(isInTotalOrder(all)).toBe(true);
  return { events: all, overdraft };
}

/** The same events in another order, fixed: index i takes element (i × stride) mod n. */
function permuted<T>(items: readonly T[], stride: number): T[] {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  expect(gcd(stride, items.length)).toBe(1); // otherwise not a permutation
  return items.map((_, i) => items[(i * stride) % items.length] as T);
}

const cashier = (staff: string | null, figures: Partial<CashierFigures>): CashierFigures => ({
  ...noCashierFigures(staff),
  ...figures,
});

const days = (...figures: [string, number, number][]) =>
  figures.map(([date, stamps, redemptions]) => ({ date, stamps, redemptions }));

describe('KPIs of the café week', () => {
  it('computes every figure of the whole tenant by hand', () => {
    const { events, overdraft } = cafeWeek();
    const report = computeKpis(events, WEEK);
    expect(report).toEqual({
      // emil, fritz, gina, jana; hans-2 is hans (enrolled Oct), ida comes after the week
      membersEnrolled: 4,
      // anna, hans (with hans-2, once), carl, emil, jana; gina's only visit is voided
      activeMembers: 5,
      retention: {
        // visits in (FROM − 90 d, FROM] = (6 Oct 23:00, 4 Jan 23:00 UTC]:
        // ben 10 Oct, carl 20 Nov, karl 1 Dec, anna 10 Dec, hans 15 Dec; dora's 1 Sep is older
        customersAtStart: 5,
        // visits in (13 Oct 23:00, 11 Jan 23:00 UTC]: carl, karl, anna, hans, emil, jana;
        // ben lapsed, fritz never visited, gina's visit is voided, dora only after TO
        customersAtEnd: 6,
        // new members who are customers at the end: emil, jana
        newCustomers: 2,
        rate: 80, // (6 − 2) / 5 × 100
      },
      // anna (Mon, Wed, Fri), hans (Mon, Thu as hans-2), emil (Tue, Sun) of 5 active;
      // carl's two visits are both on Tuesday, jana's one on Friday: 3 / 5 × 100
      repeatVisitRate: 60,
      // stamps: 14 + 4 + 1 + 2 + 2 + 0 + 1 = 24 (per day below); redeemed: 6 + 6 = 12
      redemptionRate: 50, // 12 / 24 × 100
      stampsEarned: 24,
      stampsRedeemed: 12,
      redemptions: 2,
      perDay: days(
        ['2026-01-05', 14, 0], // anna 2 + hans 12
        ['2026-01-06', 4, 0], // emil welcome 1 + emil 1 + carl 1 + carl 1
        ['2026-01-07', 1, 2], // anna 1 at 23:30 UTC on the 6th; anna's two redemptions
        ['2026-01-08', 2, 0], // hans-2 2
        ['2026-01-09', 2, 0], // jana 1 + anna 1 (south)
        ['2026-01-10', 0, 0], // gina's 2 are voided
        ['2026-01-11', 1, 0], // emil 1 at 23:45 Berlin; carl's adjustment of 5 is no earning
      ),
      overdrafts: {
        count: 1, // hans's overdraft of 16 Dec lies before the week
        items: [
          {
            id: overdraft.id,
            member: 'mem_anna',
            program: 'prg_coffee',
            reward: 'rwd_free-coffee',
            cost: 6,
            store: 'sto_mitte',
            terminal: 'term_b1',
            staff: 'stf_berta',
            hlc: overdraft.hlc,
            balanceBefore: 1, // 4 + 2 + 1 − 6
          },
        ],
      },
      // Only the week's two redemptions name a cashier; every other event has none.
      perCashier: [
        cashier('stf_anton', { redemptions: 1, stampsRedeemed: 6 }),
        cashier('stf_berta', { redemptions: 1, stampsRedeemed: 6, overdrafts: 1 }),
        // 24 stamps as above; emil, fritz, hans-2, jana, gina enrolled (hans-2 is an
        // enrolment made, though not a new member); gina's void; carl's adjustment
        cashier(null, { stamps: 24, enrolments: 5, voids: 1, adjustments: 1 }),
      ],
    } satisfies KpiReport);
  });

  it('counts only the events of one store with the store filter', () => {
    const { events } = cafeWeek();
    const mitte = computeKpis(events, WEEK, { store: 'sto_mitte' });
    expect(mitte.membersEnrolled).toBe(3); // emil, fritz, gina; jana enrolled in the south
    expect(mitte.activeMembers).toBe(4); // anna, hans, carl, emil
    // S: ben, carl, anna, hans (karl's visits are south); E: carl, anna, hans, emil; N: emil
    expect(mitte.retention).toEqual({
      customersAtStart: 4,
      customersAtEnd: 4,
      newCustomers: 1,
      rate: 75, // (4 − 1) / 4 × 100
    });
    expect(mitte.repeatVisitRate).toBe(75); // anna (Mon, Wed), hans, emil of 4
    expect(mitte.stampsEarned).toBe(22); // 24 − 2 in the south
    expect(mitte.redemptionRate).toBeCloseTo(54.545, 3); // 12 / 22 × 100
    expect(mitte.perDay.map((d) => d.stamps)).toEqual([14, 4, 1, 2, 0, 0, 1]);
    expect(mitte.overdrafts.count).toBe(1);

    const south = computeKpis(events, WEEK, { store: 'sto_south' });
    expect(south).toEqual({
      membersEnrolled: 1, // jana; karl enrolled in November
      activeMembers: 2, // jana, anna
      // S: karl; E: karl, jana, anna (her Friday visit was in the south); N: jana
      retention: { customersAtStart: 1, customersAtEnd: 3, newCustomers: 1, rate: 200 }, // (3 − 1) / 1 × 100
      repeatVisitRate: 0, // anna and jana each came on one day here: 0 / 2
      redemptionRate: 0, // 0 / 2 × 100
      stampsEarned: 2,
      stampsRedeemed: 0,
      redemptions: 0,
      perDay: days(
        ['2026-01-05', 0, 0],
        ['2026-01-06', 0, 0],
        ['2026-01-07', 0, 0],
        ['2026-01-08', 0, 0],
        ['2026-01-09', 2, 0],
        ['2026-01-10', 0, 0],
        ['2026-01-11', 0, 0],
      ),
      overdrafts: { count: 0, items: [] },
      perCashier: [cashier(null, { stamps: 2, enrolments: 1 })], // jana's and anna's stamps; jana
    } satisfies KpiReport);
  });

  it('narrows who is a customer with a shorter customer window', () => {
    const { events } = cafeWeek();
    const report = computeKpis(events, WEEK, { customerWindowDays: 30 });
    // S: visits in (5 Dec 23:00, 4 Jan 23:00 UTC]: anna 10 Dec, hans 15 Dec
    // E: visits in (12 Dec 23:00, 11 Jan 23:00 UTC]: hans 15 Dec, and the 5 active members
    expect(report.retention).toEqual({
      customersAtStart: 2,
      customersAtEnd: 5,
      newCustomers: 2,
      rate: 150, // (5 − 2) / 2 × 100
    });
  });

  it('does not depend on arrival order', () => {
    const { events } = cafeWeek();
    const expected = computeKpis(events, WEEK);
    expect(computeKpis([...events].reverse(), WEEK)).toEqual(expected);
    expect(computeKpis(permuted(events, 7), WEEK)).toEqual(expected);
    expect(computeKpis(permuted(events, 11), WEEK, { store: 'sto_mitte' })).toEqual(
      computeKpis(events, WEEK, { store: 'sto_mitte' }),
    );
  });

  it('ignores duplicates', () => {
    const { events } = cafeWeek();
    const expected = computeKpis(events, WEEK);
    expect(computeKpis([...events, ...events.slice(5, 30), ...events], WEEK)).toEqual(expected);
  });

  it('gives the same report from a projection folded incrementally', () => {
    const { events } = cafeWeek();
    const p = createProjection();
    for (let i = 0; i < events.length; i += 4) applyEvents(p, events.slice(i, i + 4).reverse());
    expect(kpisOfProjection(p, WEEK)).toEqual(computeKpis(events, WEEK));
  });

  it('gives every store its own report, as a walk for that store alone, in one walk for all', () => {
    const { events } = cafeWeek();
    const p = foldEvents(events);
    const stores = [undefined, 'sto_mitte', 'sto_south', 'sto_nowhere'];
    const together = kpisOfStores(p, WEEK, stores);
    expect(together).toEqual(stores.map((store) => kpisOfStores(p, WEEK, [store])[0]));
    // The hand-worked figures above, so the reports are not all alike.
    expect(together[1]?.stampsEarned).toBe(22);
    expect(together[2]?.stampsEarned).toBe(2);
    expect(together[3]?.activeMembers).toBe(0);
  });
});

describe('retention', () => {
  it('is null when there were no customers at the start', () => {
    const { a, enrol, stamp } = setup();
    const events = [
      enrol(a, 'mem_anna', Date.UTC(2026, 0, 5, 9)),
      stamp(a, 'mem_anna', 1, Date.UTC(2026, 0, 5, 9, 1)),
    ];
    expect(computeKpis(events, WEEK).retention).toEqual({
      customersAtStart: 0,
      customersAtEnd: 1,
      newCustomers: 1,
      rate: null, // (1 − 1) / 0: no base to retain
    });
  });

  it('makes every rate null and every day zero for an empty ledger', () => {
    const report = computeKpis([], WEEK);
    expect(report.retention.rate).toBeNull();
    expect(report.repeatVisitRate).toBeNull();
    expect(report.redemptionRate).toBeNull();
    expect(report.perDay).toHaveLength(7);
    expect(report.perDay.every((d) => d.stamps === 0 && d.redemptions === 0)).toBe(true);
  });

  it('counts a visit at fromMs at the start and in the period, one at toMs only at the end', () => {
    const { a, stamp } = setup();
    const events = [stamp(a, 'mem_anna', 1, FROM), stamp(a, 'mem_ben', 1, TO)];
    const report = computeKpis(events, WEEK);
    expect(report.activeMembers).toBe(1); // anna; TO is outside [FROM, TO)
    expect(report.stampsEarned).toBe(1);
    expect(report.retention).toEqual({
      customersAtStart: 1, // anna: FROM ∈ (FROM − 90 d, FROM]
      customersAtEnd: 2, // anna and ben: both ∈ (TO − 90 d, TO]
      newCustomers: 0,
      rate: 200, // (2 − 0) / 1 × 100
    });
  });
});

describe('voids', () => {
  it('does not count a voided visit, stamp or redemption', () => {
    const { a, stamp, redeem, voidEvent } = setup();
    const earned = stamp(a, 'mem_anna', 10, Date.UTC(2025, 11, 1, 9)); // 1 Dec, a customer at the start
    const voidedStamp = stamp(a, 'mem_ben', 3, Date.UTC(2026, 0, 5, 9));
    const voidedRedemption = redeem(a, 'mem_anna', 10, Date.UTC(2026, 0, 6, 9));
    const events = [
      earned,
      voidedStamp,
      voidEvent(a, voidedStamp, Date.UTC(2026, 0, 5, 9, 1)),
      voidedRedemption,
      voidEvent(a, voidedRedemption, Date.UTC(2026, 0, 6, 9, 1)),
    ];
    const report = computeKpis(events, WEEK);
    expect(report.activeMembers).toBe(0); // ben's and anna's visits this week are voided
    expect(report.stampsEarned).toBe(0);
    expect(report.redemptions).toBe(0);
    expect(report.stampsRedeemed).toBe(0);
    expect(report.redemptionRate).toBeNull(); // nothing earned
    expect(report.retention).toEqual({
      customersAtStart: 1, // anna, 1 Dec
      customersAtEnd: 1, // anna, 1 Dec is within 90 days of TO; ben's only visit is voided
      newCustomers: 0,
      rate: 100, // (1 − 0) / 1 × 100
    });
  });
});

describe('merged members', () => {
  it('counts a member and the duplicate merged into it once, even when merged later', () => {
    const { a, enrol, stamp, merge } = setup();
    const events = [
      enrol(a, 'mem_anna', Date.UTC(2026, 0, 5, 9)),
      stamp(a, 'mem_anna', 1, Date.UTC(2026, 0, 5, 9, 1)),
      enrol(a, 'mem_anna-dup', Date.UTC(2026, 0, 7, 9)),
      stamp(a, 'mem_anna-dup', 1, Date.UTC(2026, 0, 7, 9, 1)),
      merge(a, 'mem_anna-dup', 'mem_anna', Date.UTC(2026, 0, 20, 9)), // after the week
    ];
    const report = computeKpis(events, WEEK);
    expect(report.membersEnrolled).toBe(1);
    expect(report.activeMembers).toBe(1);
    expect(report.repeatVisitRate).toBe(100); // one member on Mon and Wed: 1 / 1 × 100
    expect(report.retention).toMatchObject({ customersAtEnd: 1, newCustomers: 1 });
  });

  it('does not count a duplicate opened in the period for an older member as new', () => {
    const { a, enrol, stamp, merge } = setup();
    const events = [
      enrol(a, 'mem_anna', Date.UTC(2025, 11, 1, 9)),
      stamp(a, 'mem_anna', 1, Date.UTC(2025, 11, 1, 9, 1)),
      enrol(a, 'mem_anna-dup', Date.UTC(2026, 0, 7, 9)),
      stamp(a, 'mem_anna-dup', 1, Date.UTC(2026, 0, 7, 9, 1)),
      merge(a, 'mem_anna-dup', 'mem_anna', Date.UTC(2026, 0, 7, 9, 2)),
    ];
    const report = computeKpis(events, WEEK);
    expect(report.membersEnrolled).toBe(0); // anna joined on 1 Dec
    expect(report.retention).toEqual({
      customersAtStart: 1,
      customersAtEnd: 1,
      newCustomers: 0,
      rate: 100, // (1 − 0) / 1 × 100
    });
  });
});

describe('repeat visits', () => {
  // Monday 5 January: 09:00 UTC is 10:00 in Berlin, 20:00 UTC is 21:00, 23:30 UTC is
  // already Tuesday 00:30.
  const visits = () => {
    const { a, stamp, redeem } = setup();
    return [
      stamp(a, 'mem_sameday', 1, Date.UTC(2026, 0, 5, 9)),
      stamp(a, 'mem_sameday', 1, Date.UTC(2026, 0, 5, 20)),
      stamp(a, 'mem_twodays', 10, Date.UTC(2026, 0, 5, 9)),
      redeem(a, 'mem_twodays', 10, Date.UTC(2026, 0, 5, 23, 30)),
      stamp(a, 'mem_bonus', 1, Date.UTC(2026, 0, 5, 9)),
      stamp(a, 'mem_bonus', 5, Date.UTC(2026, 0, 6, 9), 'birthday'), // not a visit
    ];
  };

  it('counts visits on two local days, not two visits on one day', () => {
    // repeat: mem_twodays (Mon, and Tue by its redemption) of 3 active: 1 / 3 × 100
    expect(computeKpis(visits(), WEEK).repeatVisitRate).toBeCloseTo(33.333, 3);
  });

  it('uses the calendar of the time zone it is given', () => {
    // In UTC all of mem_twodays's visits fall on Monday: 0 / 3 × 100
    expect(computeKpis(visits(), WEEK, { timeZone: 'UTC' }).repeatVisitRate).toBe(0);
  });
});

describe('redemption rate', () => {
  it('divides the stamps redeemed by every earning but adjustments', () => {
    const { a, stamp, redeem } = setup();
    const events = [
      stamp(a, 'mem_anna', 20, Date.UTC(2026, 0, 5, 9)),
      stamp(a, 'mem_anna', 5, Date.UTC(2026, 0, 5, 9, 1), 'welcome'),
      stamp(a, 'mem_anna', 10, Date.UTC(2026, 0, 5, 9, 2), 'adjustment'),
      stamp(a, 'mem_anna', -3, Date.UTC(2026, 0, 5, 9, 3), 'adjustment'),
      redeem(a, 'mem_anna', 10, Date.UTC(2026, 0, 6, 9)),
    ];
    const report = computeKpis(events, WEEK);
    expect(report.stampsEarned).toBe(25); // 20 + 5; adjustments of +10 and −3 left out
    expect(report.stampsRedeemed).toBe(10);
    expect(report.redemptionRate).toBe(40); // 10 / 25 × 100
  });

  it('is null when nothing was earned, even with redemptions', () => {
    const { a, stamp, redeem } = setup();
    const events = [
      stamp(a, 'mem_anna', 10, Date.UTC(2025, 11, 1, 9)),
      redeem(a, 'mem_anna', 10, Date.UTC(2026, 0, 6, 9)),
    ];
    const report = computeKpis(events, WEEK);
    expect(report.redemptions).toBe(1);
    expect(report.redemptionRate).toBeNull();
  });
});

describe('per-day series', () => {
  it('lists every local day the period touches, when the period is not at local midnight', () => {
    const { a, stamp } = setup();
    // [5 Jan 00:00 UTC, 7 Jan 00:00 UTC) is 5 Jan 01:00 to 7 Jan 00:59:59 in Berlin
    const events = [
      stamp(a, 'mem_anna', 1, Date.UTC(2026, 0, 5, 0, 30)), // 5 Jan 01:30 Berlin
      stamp(a, 'mem_anna', 2, Date.UTC(2026, 0, 6, 23, 30)), // 7 Jan 00:30 Berlin
    ];
    const period = { fromMs: Date.UTC(2026, 0, 5), toMs: Date.UTC(2026, 0, 7) };
    expect(computeKpis(events, period).perDay).toEqual(
      days(['2026-01-05', 1, 0], ['2026-01-06', 0, 0], ['2026-01-07', 2, 0]),
    );
  });

  it('follows the switch to summer time', () => {
    const { a, stamp } = setup();
    // Berlin: 28 Mar 00:00 CET = 27 Mar 23:00 UTC; 31 Mar 00:00 CEST = 30 Mar 22:00 UTC
    const period = { fromMs: Date.UTC(2026, 2, 27, 23), toMs: Date.UTC(2026, 2, 30, 22) };
    const events = [
      stamp(a, 'mem_anna', 1, Date.UTC(2026, 2, 28, 22, 30)), // 28 Mar 23:30 CET
      stamp(a, 'mem_anna', 2, Date.UTC(2026, 2, 29, 22, 30)), // 30 Mar 00:30 CEST
      stamp(a, 'mem_anna', 4, Date.UTC(2026, 2, 30, 21, 30)), // 30 Mar 23:30 CEST
    ];
    expect(computeKpis(events, period).perDay).toEqual(
      days(['2026-03-28', 1, 0], ['2026-03-29', 0, 0], ['2026-03-30', 6, 0]),
    );
  });

  it('is empty for an empty period', () => {
    expect(computeKpis([], { fromMs: FROM, toMs: FROM }).perDay).toEqual([]);
  });
});

describe('overdrafts', () => {
  it('takes the flag from the whole ledger, also when the first redemption was in another store', () => {
    const { a, c, stamp, redeem } = setup();
    const events = [
      stamp(a, 'mem_anna', 10, Date.UTC(2026, 0, 2, 9)),
      redeem(a, 'mem_anna', 10, Date.UTC(2026, 0, 2, 10)), // before the week, in mitte
      redeem(c, 'mem_anna', 10, Date.UTC(2026, 0, 5, 10), 'stf_carla'), // balance 0 < 10
    ];
    const south = computeKpis(events, WEEK, { store: 'sto_south' });
    expect(south.overdrafts.count).toBe(1);
    expect(south.overdrafts.items[0]).toMatchObject({ terminal: 'term_c1', balanceBefore: 0 });
    expect(computeKpis(events, WEEK, { store: 'sto_mitte' }).overdrafts.count).toBe(0);
    // The week before holds the first, ordinary redemption only.
    const before = { fromMs: FROM - 7 * DAY, toMs: FROM };
    expect(computeKpis(events, before).overdrafts.count).toBe(0);
  });
});

describe('arguments', () => {
  it('refuses a period that ends before it starts, a bad window and an unknown zone', () => {
    expect(() => computeKpis([], { fromMs: TO, toMs: FROM })).toThrow(RangeError);
    expect(() => computeKpis([], { fromMs: Number.NaN, toMs: TO })).toThrow(RangeError);
    expect(() => computeKpis([], WEEK, { customerWindowDays: 0 })).toThrow(RangeError);
    expect(() => computeKpis([], WEEK, { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => computeKpis([], { fromMs: 0, toMs: 1e15 })).toThrow(RangeError);
  });

  it('uses the fold it is given: kpisOfProjection equals computeKpis', () => {
    const { events } = cafeWeek();
    expect(kpisOfProjection(foldEvents(events), WEEK, { store: 'sto_south' })).toEqual(
      computeKpis(events, WEEK, { store: 'sto_south' }),
    );
  });
});
