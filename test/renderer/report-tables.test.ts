/** The report's tables as shown and exported: names for staff ids, rates rounded, n/a. */
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../shared/kpi/compute-kpis';
import { en } from '../../renderer/i18n/en';
import { de } from '../../renderer/i18n/de';
import {
  cashierName,
  figureRows,
  reportTables,
} from '../../renderer/manager/reports/report-tables';
import { terminalBuilder } from '../support/ledger-builder';

const DAY_START = Date.UTC(2026, 0, 13, 23); // Wednesday 14 January 2026 in Berlin
const at = (hour: number) => Date.UTC(2026, 0, 14, hour);

function day() {
  const a = terminalBuilder('term_a1', { store: 'sto_mitte' });
  const stamp = (count: number, hour: number, staff?: string) =>
    a.event(
      'stamps.earned',
      { member: 'mem_anna', program: 'prg_coffee', count, reason: 'purchase' },
      at(hour),
      staff,
    );
  return computeKpis(
    [
      stamp(2, 8, 'stf_mara'),
      stamp(1, 9, 'stf_gone'),
      stamp(4, 10),
      a.event(
        'reward.redeemed',
        { member: 'mem_anna', program: 'prg_coffee', reward: 'rwd_free-coffee', cost: 6 },
        at(11),
        'stf_mara',
      ),
    ],
    { fromMs: DAY_START, toMs: DAY_START + 86_400_000 },
  );
}

describe('the report tables', () => {
  it('names cashiers from the staff table and shows unknown ids as such', () => {
    const names = new Map([['stf_mara', 'Mara Lind']]);
    expect(cashierName('stf_mara', names, en.reports)).toBe('Mara Lind');
    expect(cashierName('stf_gone', names, en.reports)).toBe('stf_gone (staff of another store)');
    expect(cashierName(null, names, de.reports)).toBe('Niemand angemeldet');
    const { cashiers } = reportTables(day(), en.reports, names);
    expect(cashiers.rows).toEqual([
      ['stf_gone (staff of another store)', 1, 0, 0, 0, 0, 0, 0],
      ['Mara Lind', 2, 1, 0, 0, 0, 0, 0],
      ['No one signed in', 4, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('rounds rates to one decimal for the file and says n/a where a rate is undefined', () => {
    const rows = figureRows(day(), en.reports);
    const rate = rows.find((row) => row.key === 'redemptionRate');
    expect(rate).toMatchObject({ value: 85.7, shown: '85.7 %' }); // 6 / 7 × 100
    const retention = rows.find((row) => row.key === 'retention');
    expect(retention).toMatchObject({ value: null, shown: 'n/a' }); // no customer at the start
    expect(figureRows(day(), de.reports).find((row) => row.key === 'redemptionRate')?.shown).toBe(
      '85,7 %',
    );
  });
});
