/**
 * CSV for spreadsheets, one implementation for HQ's exports on the server and the
 * manager's report on the terminal. RFC 4180: fields with a comma, a quote, CR or LF are
 * quoted and their quotes doubled; lines end with CRLF; every line has the same number of
 * fields. The text starts with a UTF-8 byte order mark so that Excel reads umlauts right.
 *
 * Text a spreadsheet would run as a formula (starting with =, +, -, @, a tab or CR) gets
 * a leading apostrophe (OWASP's advice on CSV injection): names are typed by people, and
 * a member who calls herself `=HYPERLINK(…)` stays text. A well-formed phone number
 * (`+49 170 1234567`, `+49 (30) 123-45`) is left alone: it starts with `+` but holds only
 * digits, spaces, brackets, slashes and hyphens, so it can call no function, and a
 * mailing list must not carry `'+49…`.
 */

/** A number stays a number (a spreadsheet can sum it); null or undefined is an empty field. */
export type CsvCell = string | number | null | undefined;

export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/u;
const PHONE_NUMBER = /^\+[0-9][0-9 ()/-]*$/u;
const NEEDS_QUOTES = /[",\r\n]/u;

/** Whether a spreadsheet would take the text for a formula and it is no phone number. */
const looksLikeFormula = (text: string) => FORMULA_START.test(text) && !PHONE_NUMBER.test(text);

/** One field, guarded and quoted as needed. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // Numbers are written by the program, never typed by a person: no guard needed.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = looksLikeFormula(cell) ? `'${cell}` : cell;
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
