/**
 * CSV for spreadsheets (RFC 4180): fields with a comma, a quote, CR or LF are quoted and
 * their quotes doubled; lines end with CRLF. Cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or CR) get a leading apostrophe (OWASP's CSV
 * injection advice): a member who names herself `=HYPERLINK(…)` stays text. The file
 * starts with a UTF-8 byte order mark so Excel reads umlauts right.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/u;

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // Numbers are written by the server (never typed by a person): no guard needed.
  let text = typeof cell === 'number' ? String(cell) : cell;
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const BOM = '\uFEFF';

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}
