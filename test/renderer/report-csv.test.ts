/** The report's CSV: RFC 4180 quoting, the formula guard, the BOM and the file name. */
import { describe, expect, it } from 'vitest';
import {
  csvField,
  csvFileName,
  reportCsv,
  toCsv,
  UTF8_BOM,
} from '../../renderer/manager/reports/report-csv';

describe('CSV fields', () => {
  it('quotes fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Müller, Jörg')).toBe('"Müller, Jörg"');
    expect(csvField('the "best" coffee')).toBe('"the ""best"" coffee"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('writes numbers as numbers and null as an empty field', () => {
    expect(csvField(42)).toBe('42');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(54.5)).toBe('54.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('guards text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('+49 30 1234')).toBe("'+49 30 1234");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('the CSV text', () => {
  it('starts with the BOM, ends every line in CRLF and pads rows to one width', () => {
    const text = toCsv([['a', 'b', 'c'], ['d'], []]);
    expect(text).toBe(`${UTF8_BOM}a,b,c\r\nd,,\r\n,,\r\n`);
  });

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
