/**
 * The report as a CSV file, for a spreadsheet: RFC 4180 (fields with a comma, a quote or
 * a line break in double quotes, quotes doubled, lines ending in CRLF, every line with
 * the same number of fields), a UTF-8 byte order mark so that Excel reads umlauts as
 * UTF-8, and text that a spreadsheet would run as a formula (=, +, -, @, tab or CR first)
 * prefixed with an apostrophe (OWASP's advice on CSV injection): a member's or cashier's
 * name is typed by people, and a file opened in Excel must not run it.
 *
 * The tables are the ones the screen shows, so the file holds what the manager saw.
 */

/** A number stays a number (a spreadsheet can sum it); null is an empty field. */
export type CsvCell = string | number | null;

export interface ReportTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted and guarded as needed. */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as a CSV text with the BOM; shorter rows are padded with empty fields. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const width = Math.max(1, ...rows.map((row) => row.length));
  const lines = rows.map((row) => {
    const padded: CsvCell[] = [...row];
    while (padded.length < width) padded.push(null);
    return padded.map(csvField).join(',');
  });
  return `${UTF8_BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** The heading line, then each table: its title, its header, its rows, a blank line. */
export function reportCsv(heading: readonly CsvCell[], tables: readonly ReportTable[]): string {
  const rows: (readonly CsvCell[])[] = [heading, []];
  for (const table of tables) {
    rows.push([table.title], table.header, ...table.rows, []);
  }
  return toCsv(rows);
}

/**
 * `treu-report-<store>-<period>-<first day>[_<last day>].csv`: the store's name with
 * letters (umlauts too) and digits kept and every run of anything else made one hyphen,
 * so the name is safe on every file system.
 */
export function csvFileName(
  storeName: string,
  period: string,
  firstDate: string,
  lastDate: string,
): string {
  const slug = (text: string) =>
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'store';
  const days = firstDate === lastDate ? firstDate : `${firstDate}_${lastDate}`;
  return `treu-report-${slug(storeName)}-${slug(period)}-${days}.csv`;
}
