/**
 * The report's tables as the screen shows them and the CSV writes them: the key figures,
 * the figures per day and per cashier, in the manager's language, with staff ids turned
 * into names. Pure, so the file and the screen cannot drift apart.
 */
import type { KpiReport } from '../../../shared/kpi/kpi-report';
import type { CashierFigures } from '../../../shared/kpi/per-cashier';
import type { Messages } from '../../i18n/en';
import type { CsvCell } from '../../../shared/csv';
import type { ReportTable } from './report-csv';

type Words = Messages['reports'];
export type FigureKey = keyof Words['figures'];

export interface FigureRow {
  readonly key: FigureKey;
  readonly label: string;
  readonly note: string;
  /** For the file: a count, a percent rounded to one decimal, or null (not defined). */
  readonly value: number | null;
  /** For the screen. */
  readonly shown: string;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function figureRows(report: KpiReport, words: Words): FigureRow[] {
  const count = (key: FigureKey, value: number): FigureRow => ({
    key,
    ...words.figures[key],
    value,
    shown: String(value),
  });
  const rate = (key: FigureKey, value: number | null): FigureRow => ({
    key,
    ...words.figures[key],
    value: value === null ? null : round1(value),
    shown: value === null ? words.notAvailable : words.percent(round1(value)),
  });
  return [
    count('stampsEarned', report.stampsEarned),
    count('redemptions', report.redemptions),
    count('stampsRedeemed', report.stampsRedeemed),
    count('membersEnrolled', report.membersEnrolled),
    count('activeMembers', report.activeMembers),
    rate('retention', report.retention.rate),
    rate('repeatVisitRate', report.repeatVisitRate),
    rate('redemptionRate', report.redemptionRate),
    count('overdrafts', report.overdrafts.count),
  ];
}

/** A cashier's name from the staff table; an id it does not know is shown as such. */
export function cashierName(
  staff: string | null,
  names: ReadonlyMap<string, string>,
  words: Pick<Words, 'unknownStaff' | 'noStaff'>,
): string {
  if (staff === null) return words.noStaff;
  return names.get(staff) ?? words.unknownStaff(staff);
}

export const CASHIER_COLUMNS = [
  'stamps',
  'redemptions',
  'overdrafts',
  'enrolments',
  'voids',
  'corrections',
  'adjustments',
] as const satisfies readonly (keyof CashierFigures)[];

export function reportTables(
  report: KpiReport,
  words: Words,
  names: ReadonlyMap<string, string>,
): { figures: ReportTable; days: ReportTable; cashiers: ReportTable } {
  return {
    figures: {
      title: words.figuresHeading,
      header: [words.figure, words.value, words.definition],
      rows: figureRows(report, words).map((row) => [row.label, row.value, row.note]),
    },
    days: {
      title: words.trendHeading,
      header: [words.day, words.stamps, words.redemptionsColumn],
      rows: report.perDay.map((day) => [day.date, day.stamps, day.redemptions]),
    },
    cashiers: {
      title: words.cashiersHeading,
      header: [words.cashier, ...CASHIER_COLUMNS.map((column) => words.cashierColumns[column])],
      rows: report.perCashier.map((figures): CsvCell[] => [
        cashierName(figures.staff, names, words),
        ...CASHIER_COLUMNS.map((column) => figures[column]),
      ]),
    },
  };
}
