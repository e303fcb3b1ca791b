/**
 * The report as a CSV file, for a spreadsheet, written by shared/csv.ts (RFC 4180, the
 * formula guard, the UTF-8 byte order mark). The tables are the ones the screen shows, so
 * the file holds what the manager saw.
 */
import { toCsv, type CsvCell } from '../../../shared/csv';

export interface ReportTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
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
