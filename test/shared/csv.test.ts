/**
 * shared/csv.ts, the one CSV writer of HQ's exports and the manager's report: RFC 4180
 * quoting, the formula guard (that leaves phone numbers alone), the BOM and CRLF lines.
 */
import { describe, expect, it } from 'vitest';
import { csvField, toCsv, UTF8_BOM } from '../../shared/csv';

describe('CSV fields', () => {
  it('quotes fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Müller, Jörg')).toBe('"Müller, Jörg"');
    expect(csvField('the "best" coffee')).toBe('"the ""best"" coffee"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('writes numbers as numbers and null or undefined as an empty field', () => {
    expect(csvField(42)).toBe('42');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(54.5)).toBe('54.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('guards text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+SUM(A1:A9)')).toBe("'+SUM(A1:A9)");
    expect(csvField('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('leaves a well-formed phone number as it is', () => {
    expect(csvField('+49 170 1234567')).toBe('+49 170 1234567');
    expect(csvField('+49 (30) 123-456')).toBe('+49 (30) 123-456');
    expect(csvField('+49/30/1234')).toBe('+49/30/1234');
    expect(csvField('+4917012345')).toBe('+4917012345');
    expect(csvField('030 1234')).toBe('030 1234');
    // Not a phone number: a sign with nothing after it, or letters.
    expect(csvField('+')).toBe("'+");
    expect(csvField('+49 call me')).toBe("'+49 call me");
  });
});

describe('the CSV text', () => {
  it('starts with the BOM (EF BB BF), ends every line in CRLF and pads rows to one width', () => {
    const text = toCsv([['a', 'b', 'c'], ['d'], []]);
    expect(text).toBe(`${UTF8_BOM}a,b,c\r\nd,,\r\n,,\r\n`);
    expect(Buffer.from(toCsv([[1, 'x,y']]), 'utf8').subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    expect(toCsv([[1, 'x,y']])).toBe(`${UTF8_BOM}1,"x,y"\r\n`);
  });
});
