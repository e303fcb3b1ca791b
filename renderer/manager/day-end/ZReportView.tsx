/**
 * The Z report of one terminal: its totals and its figures per cashier. The section the
 * print stylesheet keeps on paper, so it holds everything a printed report needs.
 */
import type { ZReport } from '../../../shared/kpi/z-report';
import { useI18n } from '../../i18n/i18n';
import { CASHIER_COLUMNS, cashierName } from '../reports/report-tables';

const TOTALS = ['events', 'stamps', 'redemptions', 'enrolments', 'voids', 'feedback'] as const;

export function ZReportView(props: {
  report: ZReport;
  storeName: string;
  names: ReadonlyMap<string, string>;
  period: string;
  lastClosed: string;
  closedLine: string | undefined;
}) {
  const { t } = useI18n();
  const words = t.dayEnd;
  const { report } = props;
  return (
    <section className="z-report" aria-labelledby="z-report-heading" data-testid="z-report">
      <h3 id="z-report-heading">{words.zReport}</h3>
      <p>{words.terminal(props.storeName, report.terminal)}</p>
      <p>{props.period}</p>
      <p>{props.lastClosed}</p>
      <table className="report-table" data-testid="z-totals">
        <caption>{words.totalsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.figure}</th>
            <th scope="col">{words.count}</th>
          </tr>
        </thead>
        <tbody>
          {TOTALS.map((key) => (
            <tr key={key}>
              <th scope="row">{words.totals[key]}</th>
              <td>{report.totals[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.perCashier.length === 0 ? (
        <p>{words.noCashiers}</p>
      ) : (
        <table className="report-table" data-testid="z-cashiers">
          <caption>{words.perCashier}</caption>
          <thead>
            <tr>
              <th scope="col">{words.cashier}</th>
              {CASHIER_COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {t.reports.cashierColumns[column]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.perCashier.map((figures) => (
              <tr key={figures.staff ?? ''}>
                <th scope="row">{cashierName(figures.staff, props.names, t.reports)}</th>
                {CASHIER_COLUMNS.map((column) => (
                  <td key={column}>{figures[column]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.closedLine !== undefined && <p className="z-closed">{props.closedLine}</p>}
    </section>
  );
}
