/**
 * The figures per cashier and the Z report against a terminal's day worked out by hand,
 * and the report periods (today, this week, this month) in Berlin's calendar. Every
 * instant is fixed in UTC; Berlin is UTC+1 in January.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../shared/kpi/compute-kpis';
import { noCashierFigures, type CashierFigures } from '../../shared/kpi/per-cashier';
import { reportPeriod } from '../../shared/kpi/report-periods';
import { clockBefore, dayClosedData, zReport } from '../../shared/kpi/z-report';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { eventDataSchemas, type EventData } from '../../shared/ledger/event-types';
import { isInTotalOrder } from '../../shared/ledger/order';
import { foldEvents } from '../../shared/projection/projection';
import { terminalBuilder, type TerminalBuilder } from '../support/ledger-builder';

/** Wednesday 14 January 2026, 00:00 in Berlin. */
const DAY_START = Date.UTC(2026, 0, 13, 23);
const at = (hour: number, minute = 0) => Date.UTC(2026, 0, 14, hour, minute);

const cashier = (staff: string | null, figures: Partial<CashierFigures>): CashierFigures => ({
  ...noCashierFigures(staff),
  ...figures,
});

function builders() {
  const a = terminalBuilder('term_a1', { store: 'sto_mitte' });
  const b = terminalBuilder('term_b1', { store: 'sto_mitte' });
  const stamp = (
    t: TerminalBuilder,
    member: string,
    count: number,
    atMs: number,
    staff: string,
    reason: EventData<'stamps.earned'>['reason'] = 'purchase',
  ) => t.event('stamps.earned', { member, program: 'prg_coffee', count, reason }, atMs, staff);
  const redeem = (t: TerminalBuilder, member: string, atMs: number, staff: string) =>
    t.event(
      'reward.redeemed',
      { member, program: 'prg_coffee', reward: 'rwd_free-coffee', cost: 10 },
      atMs,
      staff,
    );
  const voidOf = (
    t: TerminalBuilder,
    target: LedgerEvent,
    atMs: number,
    staff: string,
    reason: EventData<'event.voided'>['reason'],
  ) => t.event('event.voided', { target: target.id, reason }, atMs, staff);
  return { a, b, stamp, redeem, voidOf };
}

/**
 * Terminal a's Wednesday, cashiers tom and lena, manager mara; terminal b's kim.
 * anna holds 11 stamps from Tuesday; otto is new today.
 */
function wednesday() {
  const { a, b, stamp, redeem, voidOf } = builders();
  const tuesday = [
    stamp(b, 'mem_anna', 10, Date.UTC(2026, 0, 13, 9), 'stf_kim'),
    stamp(a, 'mem_anna', 1, Date.UTC(2026, 0, 13, 15), 'stf_tom'), // before the day
  ];
  // Made one by one in time order, as a terminal makes them (its clock never goes back).
  const ours: LedgerEvent[] = [];
  const add = (event: LedgerEvent) => {
    ours.push(event);
    return event;
  };
  add(
    a.event(
      'member.enrolled',
      { member: 'mem_otto', consent: { marketing: false } },
      at(7),
      'stf_tom',
    ),
  );
  add(stamp(a, 'mem_otto', 1, at(7), 'stf_tom', 'welcome'));
  add(stamp(a, 'mem_otto', 2, at(7, 5), 'stf_tom'));
  const annaStamp = add(stamp(a, 'mem_anna', 1, at(8), 'stf_lena'));
  add(voidOf(a, annaStamp, at(8, 1), 'stf_lena', 'cashier_undo'));
  add(redeem(a, 'mem_anna', at(9), 'stf_lena')); // balance 11 ≥ 10
  const tomStamp = add(stamp(a, 'mem_anna', 3, at(10), 'stf_tom'));
  add(stamp(a, 'mem_otto', -1, at(11), 'stf_mara', 'adjustment'));
  add(voidOf(a, tomStamp, at(11, 5), 'stf_mara', 'manager_correction'));
  add(a.event('feedback.given', { rating: 5 }, at(12), 'stf_tom'));
  add(redeem(a, 'mem_otto', at(13), 'stf_tom')); // balance 1 + 2 − 1 = 2 < 10: overdraft
  const theirs = [stamp(b, 'mem_anna', 2, at(9, 30), 'stf_kim')];
  const all = [...tuesday, ...ours, ...theirs];
  return { a, stamp, all, ours, overdraft: ours[10] as LedgerEvent };
}

/** What the terminal reads from its storage: the voided ids and the overdrawn redemptions. */
function facts(events: readonly LedgerEvent[]) {
  const voided = new Set(events.flatMap((e) => (e.type === 'event.voided' ? [e.data.target] : [])));
  const { views } = foldEvents(events);
  const overdrawn = new Set(
    [...views.redemptions.values()].filter((r) => r.overdraft).map((r) => r.id),
  );
  return { voided, overdrawn };
}

describe('the figures per cashier', () => {
  it('counts each cashier’s stamps, redemptions, overdrafts, voids and corrections by hand', () => {
    const { all } = wednesday();
    expect(isInTotalOrder([...all].sort((x, y) => (x.hlc < y.hlc ? -1 : 1)))).toBe(true);
    const report = computeKpis(all, { fromMs: DAY_START, toMs: DAY_START + 86_400_000 });
    expect(report.perCashier).toEqual([
      cashier('stf_kim', { stamps: 2 }), // terminal b at 09:30; Tuesday's 10 are before the day
      // anna's stamp is undone; her free coffee; the undo
      cashier('stf_lena', { redemptions: 1, stampsRedeemed: 10, voids: 1 }),
      // otto's −1 adjustment; the void of tom's 3 stamps, a correction
      cashier('stf_mara', { voids: 1, corrections: 1, adjustments: 1 }),
      // otto: welcome 1 + 2 (anna's 3 were voided); otto's free coffee overdrew; otto enrolled
      cashier('stf_tom', {
        stamps: 3,
        redemptions: 1,
        stampsRedeemed: 10,
        overdrafts: 1,
        enrolments: 1,
      }),
    ]);
    // The sum over cashiers is the store's figure.
    expect(report.perCashier.reduce((sum, c) => sum + c.stamps, 0)).toBe(report.stampsEarned);
    expect(report.perCashier.reduce((sum, c) => sum + c.redemptions, 0)).toBe(report.redemptions);
  });

  it('puts events without a cashier under null, last', () => {
    const { a, stamp } = builders();
    const events = [
      a.event(
        'stamps.earned',
        { member: 'mem_xaver', program: 'prg_coffee', count: 4, reason: 'purchase' },
        at(8),
      ),
      stamp(a, 'mem_xaver', 1, at(9), 'stf_zoe'),
    ];
    const report = computeKpis(events, { fromMs: DAY_START, toMs: DAY_START + 86_400_000 });
    expect(report.perCashier).toEqual([
      cashier('stf_zoe', { stamps: 1 }),
      cashier(null, { stamps: 4 }),
    ]);
  });
});

describe('the Z report', () => {
  it('totals terminal a1’s day since the start of the day, by hand', () => {
    const { all, overdraft } = wednesday();
    const from = clockBefore(DAY_START, 'term_a1');
    const report = zReport({
      store: 'sto_mitte',
      terminal: 'term_a1',
      from,
      events: all,
      ...facts(all),
    });
    expect(report.totals).toEqual({
      events: 11, // Tuesday's stamp and terminal b's are left out
      stamps: 3, // otto's welcome 1 + 2; anna's 1 and 3 are voided; the adjustment is no earning
      redemptions: 2, // anna's and otto's free coffee
      enrolments: 1, // otto
      voids: 2, // lena's undo, mara's correction
      feedback: 1,
    });
    expect(report.perCashier).toEqual([
      cashier('stf_lena', { redemptions: 1, stampsRedeemed: 10, voids: 1 }),
      cashier('stf_mara', { voids: 1, corrections: 1, adjustments: 1 }),
      cashier('stf_tom', {
        stamps: 3,
        redemptions: 1,
        stampsRedeemed: 10,
        overdrafts: 1,
        enrolments: 1,
      }),
    ]);
    expect(report.from).toBe(from);
    expect(report.to).toBe(overdraft.hlc);
    expect(report.firstMs).toBe(at(7));
    expect(report.lastMs).toBe(at(13));
  });

  it('does not depend on the order or duplicates of the events', () => {
    const { all } = wednesday();
    const input = {
      store: 'sto_mitte',
      terminal: 'term_a1',
      from: clockBefore(DAY_START, 'term_a1'),
    };
    const expected = zReport({ ...input, events: all, ...facts(all) });
    const shuffled = [...all.slice(7), ...all, ...all.slice(0, 7)].reverse();
    expect(zReport({ ...input, events: shuffled, ...facts(all) })).toEqual(expected);
  });

  it('chains closes: the next report starts where the last one ended, without gap or overlap', () => {
    const { a, stamp, all } = wednesday();
    const first = zReport({
      store: 'sto_mitte',
      terminal: 'term_a1',
      from: clockBefore(DAY_START, 'term_a1'),
      events: all,
      ...facts(all),
    });
    const data = dayClosedData(first);
    expect(eventDataSchemas['day.closed'].safeParse(data).error).toBeUndefined();
    const closed = a.event('day.closed', data, at(14), 'stf_mara');
    const late = stamp(a, 'mem_otto', 1, at(15), 'stf_tom');
    const events = [...all, closed, late];

    // The terminal finds its last close in storage (lastCloseOf, tested with the store).
    const next = zReport({
      store: 'sto_mitte',
      terminal: 'term_a1',
      from: data.to,
      events,
      ...facts(events),
    });
    // Only the 15:00 stamp; the day.closed event counts in no figure.
    expect(next.totals).toEqual({
      events: 1,
      stamps: 1,
      redemptions: 0,
      enrolments: 0,
      voids: 0,
      feedback: 0,
    });
    expect(next.perCashier).toEqual([cashier('stf_tom', { stamps: 1 })]);

    // Closed again with nothing since: an empty report whose period is empty.
    const again = zReport({
      store: 'sto_mitte',
      terminal: 'term_a1',
      from: late.hlc,
      events,
      ...facts(events),
    });
    expect(again.totals.events).toBe(0);
    expect(again.to).toBe(late.hlc);
    expect(again.firstMs).toBeUndefined();
  });

  it('starts a never-closed terminal’s day at local midnight, to the millisecond', () => {
    const { a, stamp } = builders();
    const before = stamp(a, 'mem_xaver', 1, DAY_START - 1, 'stf_tom');
    const onTheDot = stamp(a, 'mem_xaver', 2, DAY_START, 'stf_tom');
    const events = [before, onTheDot];
    const report = zReport({
      store: 'sto_mitte',
      terminal: 'term_a1',
      from: clockBefore(DAY_START, 'term_a1'),
      events,
      voided: new Set(),
    });
    expect(report.totals.stamps).toBe(2);
  });
});

describe('report periods in Berlin', () => {
  const zone = 'Europe/Berlin';
  const wednesdayNoon = Date.UTC(2026, 0, 14, 12);

  it('runs today, this week (from Monday) and this month to the end of today', () => {
    const endOfToday = Date.UTC(2026, 0, 14, 23);
    expect(reportPeriod('today', wednesdayNoon, zone)).toEqual({
      kind: 'today',
      fromMs: Date.UTC(2026, 0, 13, 23),
      toMs: endOfToday,
      firstDate: '2026-01-14',
      lastDate: '2026-01-14',
    });
    expect(reportPeriod('week', wednesdayNoon, zone)).toMatchObject({
      fromMs: Date.UTC(2026, 0, 11, 23), // Monday 12 January, 00:00 in Berlin
      toMs: endOfToday,
      firstDate: '2026-01-12',
    });
    expect(reportPeriod('month', wednesdayNoon, zone)).toMatchObject({
      fromMs: Date.UTC(2025, 11, 31, 23), // 1 January, 00:00 in Berlin
      toMs: endOfToday,
      firstDate: '2026-01-01',
    });
  });

  it('takes Sunday as the last day of the week and the local date, not UTC’s', () => {
    // Sunday 18 January 23:30 in Berlin is still Sunday there, Sunday in UTC too.
    expect(reportPeriod('week', Date.UTC(2026, 0, 18, 22, 30), zone).firstDate).toBe('2026-01-12');
    // 31 January 23:30 UTC is 1 February in Berlin: a new month has begun there.
    expect(reportPeriod('month', Date.UTC(2026, 0, 31, 23, 30), zone)).toMatchObject({
      fromMs: Date.UTC(2026, 0, 31, 23),
      firstDate: '2026-02-01',
      lastDate: '2026-02-01',
    });
  });

  it('gives the day the clocks go forward 23 hours', () => {
    // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST.
    const period = reportPeriod('today', Date.UTC(2026, 2, 29, 12), zone);
    expect(period.fromMs).toBe(Date.UTC(2026, 2, 28, 23));
    expect(period.toMs).toBe(Date.UTC(2026, 2, 29, 22));
  });
});
