/**
 * The report's CSV: its layout and the file name. The fields' quoting, the formula guard
 * and the BOM are shared/csv.ts's, tested in test/shared/csv.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { UTF8_BOM } from '../../shared/csv';
import { csvFileName, reportCsv } from '../../renderer/manager/reports/report-csv';

describe('the report as CSV', () => {
  it('lays out the heading and each table with its title and header', () => {
    const text = reportCsv(
      ['Café Nord', 'Today', '2026-01-14'],
      [
        { title: 'Key figures', header: ['Figure', 'Value'], rows: [['Stamps given', 3]] },
        {
          title: 'Per cashier',
          header: ['Cashier', 'Stamps', 'Redemptions'],
          rows: [
            ['Jörg "JJ" Müller', 2, 1],
            ['=1+1', 1, 0],
          ],
        },
      ],
    );
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Café Nord,Today,2026-01-14',
      ',,',
      'Key figures,,',
      'Figure,Value,',
      'Stamps given,3,',
      ',,',
      'Per cashier,,',
      'Cashier,Stamps,Redemptions',
      '"Jörg ""JJ"" Müller",2,1',
      "'=1+1,1,0",
      ',,',
      '',
    ]);
  });
});

describe('the file name', () => {
  it('names the store and the period, keeping umlauts and dropping what a file system minds', () => {
    expect(csvFileName('Café Grün / Süd', 'This week', '2026-01-12', '2026-01-14')).toBe(
      'treu-report-café-grün-süd-this-week-2026-01-12_2026-01-14.csv',
    );
    expect(csvFileName('Bäckerei', 'Heute', '2026-01-14', '2026-01-14')).toBe(
      'treu-report-bäckerei-heute-2026-01-14.csv',
    );
    expect(csvFileName('../..', 'today', '2026-01-14', '2026-01-14')).toBe(
      'treu-report-store-today-2026-01-14.csv',
    );
  });
});
