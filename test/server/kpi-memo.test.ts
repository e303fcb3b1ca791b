/**
 * HQ's memo of KPI reports (server/hq/kpi-memo.ts): a report asked again of the same fold
 * is the one made before, with no second walk; once the fold takes in another event, the
 * reports are made again from it; a call for some kept and some new stores makes only
 * the new ones. Each report is what kpisOfStores makes.
 */
import { describe, expect, it } from 'vitest';
import { kpisOfStores } from '../../shared/kpi/compute-kpis';
import { applyEvents, foldEvents } from '../../shared/projection/projection';
import { coffeeCardRules } from '../../shared/rules/program-schema';
import type { ResolvedPeriod } from '../../shared/sync/reports-protocol';
import { createKpiMemo } from '../../server/hq/kpi-memo';
import { terminalBuilder } from '../support/ledger-builder';

const DAY = 86_400_000;
const FROM = Date.UTC(2026, 10, 23, 23);
const period: ResolvedPeriod = {
  kind: 'today',
  from: '2026-11-24',
  to: '2026-11-24',
  fromMs: FROM,
  toMs: FROM + DAY,
  timeZone: 'Europe/Berlin',
};

function ledger() {
  const north = terminalBuilder('term_north', { store: 'sto_north' });
  const south = terminalBuilder('term_south', { store: 'sto_south' });
  const at = FROM + 10 * 3_600_000;
  const events = [
    north.event(
      'program.published',
      { program: 'prg_coffee', version: 1, name: 'Coffee card', rules: coffeeCardRules },
      at,
    ),
    north.event('member.enrolled', { member: 'mem_anna', consent: { marketing: false } }, at),
    north.event(
      'stamps.earned',
      { member: 'mem_anna', program: 'prg_coffee', count: 2, reason: 'purchase' },
      at + 60_000,
    ),
    south.event(
      'stamps.earned',
      { member: 'mem_anna', program: 'prg_coffee', count: 1, reason: 'purchase' },
      at + 120_000,
    ),
  ];
  return { north, at, events };
}

describe('HQ keeps the KPI reports of a fold until it changes', () => {
  it('makes each report as kpisOfStores does, and gives it again while the fold is the same', () => {
    const { events } = ledger();
    const p = foldEvents(events);
    const memo = createKpiMemo();
    const stores = [undefined, 'sto_north', 'sto_south'];
    const first = memo.reports(p, period, stores);
    expect(first).toEqual(kpisOfStores(p, period, stores, { timeZone: period.timeZone }));
    expect(first.map((report) => report.stampsEarned)).toEqual([3, 2, 1]);

    const again = memo.reports(p, period, ['sto_south', undefined]);
    expect(again[0]).toBe(first[2]);
    expect(again[1]).toBe(first[0]);
  });

  it('makes the reports again once the fold took in another event', () => {
    const { north, at, events } = ledger();
    const p = foldEvents(events);
    const memo = createKpiMemo();
    const [before] = memo.reports(p, period, [undefined]);
    applyEvents(p, [
      north.event(
        'stamps.earned',
        { member: 'mem_anna', program: 'prg_coffee', count: 4, reason: 'purchase' },
        at + 180_000,
      ),
    ]);
    const [after] = memo.reports(p, period, [undefined]);
    expect(after).not.toBe(before);
    expect(before?.stampsEarned).toBe(3);
    expect(after?.stampsEarned).toBe(7);
  });

  it('keeps reports apart by period', () => {
    const { events } = ledger();
    const p = foldEvents(events);
    const memo = createKpiMemo();
    const [today] = memo.reports(p, period, [undefined]);
    const yesterday = { ...period, fromMs: FROM - DAY, toMs: FROM };
    const [before] = memo.reports(p, yesterday, [undefined]);
    expect(today?.stampsEarned).toBe(3);
    expect(before?.stampsEarned).toBe(0);
  });
});
