/**
 * The manager's reports: today, this week or this month in the store's calendar; the key
 * figures, each with its definition; stamps and redemptions per day as a chart and a
 * table; the figures per cashier; and the whole of it as a CSV file.
 */
import { useEffect, useState } from 'react';
import { REPORT_PERIODS, type ReportPeriodKind } from '../../../shared/kpi/report-periods';
import { useTerminal } from '../../app/terminal-context';
import { useI18n } from '../../i18n/i18n';
import { downloadFile } from '../../ui/download-file';
import { csvFileName, reportCsv, type ReportTable } from './report-csv';
import { figureRows, reportTables } from './report-tables';
import { loadReport, type LoadedReport } from './load-report';
import { TrendChart } from './TrendChart';
import './reports.css';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly detail: string }
  | { readonly kind: 'ready'; readonly loaded: LoadedReport };

function DataTable(props: { table: ReportTable; caption: string; testId: string }) {
  const { table } = props;
  return (
    <table className="report-table" data-testid={props.testId}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {table.header.map((cell, i) => (
            <th key={i} scope="col">
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportsScreen() {
  const { t } = useI18n();
  const { db } = useTerminal();
  const [kind, setKind] = useState<ReportPeriodKind>('today');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [saved, setSaved] = useState<string>();

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    setSaved(undefined);
    loadReport(db, kind).then(
      (loaded) => {
        if (live) setState({ kind: 'ready', loaded });
      },
      (error: unknown) => {
        if (live) setState({ kind: 'error', detail: String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [db, kind]);

  const words = t.reports;
  return (
    <section aria-labelledby="reports-heading" className="reports">
      <h2 id="reports-heading">{words.title}</h2>
      <div role="group" aria-label={words.period} className="period-switch">
        {REPORT_PERIODS.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={kind === name}
            onClick={() => {
              setKind(name);
            }}
          >
            {words.periods[name]}
          </button>
        ))}
      </div>
      {state.kind === 'loading' && (
        <p role="status" aria-live="polite">
          {words.counting}
        </p>
      )}
      {state.kind === 'error' && (
        <p role="alert" className="error">
          {words.error(state.detail)}
        </p>
      )}
      {state.kind === 'ready' && (
        <ReportBody
          loaded={state.loaded}
          saved={saved}
          onSaved={(file) => {
            setSaved(file);
          }}
        />
      )}
    </section>
  );
}

function ReportBody(props: {
  loaded: LoadedReport;
  saved: string | undefined;
  onSaved: (file: string) => void;
}) {
  const { t } = useI18n();
  const words = t.reports;
  const { period, report, names, storeName } = props.loaded;
  const range = words.range(period.firstDate, period.lastDate);
  const tables = reportTables(report, words, names);

  const exportCsv = () => {
    const periodName = words.periods[period.kind];
    const text = reportCsv(
      [words.csvHeading, storeName, periodName, period.firstDate, period.lastDate],
      [tables.figures, tables.days, tables.cashiers],
    );
    const file = csvFileName(storeName, periodName, period.firstDate, period.lastDate);
    downloadFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), file);
    props.onSaved(file);
  };

  return (
    <>
      <p className="report-range" data-testid="report-range">
        {range}
      </p>
      <h3>{words.figuresHeading}</h3>
      <dl className="report-figures">
        {figureRows(report, words).map((row) => (
          <div key={row.key} className="report-figure" data-testid={`figure-${row.key}`}>
            <dt>{row.label}</dt>
            <dd className="report-value">{row.shown}</dd>
            <dd className="report-note">{row.note}</dd>
          </div>
        ))}
      </dl>

      <h3 id="trend-heading">{words.trendHeading}</h3>
      <figure className="report-trend" aria-labelledby="trend-heading">
        <TrendChart days={report.perDay} range={range} />
        <figcaption>{words.chartNote}</figcaption>
        <DataTable table={tables.days} caption={words.trendHeading} testId="per-day" />
      </figure>

      <h3>{words.cashiersHeading}</h3>
      {tables.cashiers.rows.length === 0 ? (
        <p>{words.noCashiers}</p>
      ) : (
        <DataTable table={tables.cashiers} caption={words.cashiersHeading} testId="per-cashier" />
      )}

      <div className="row">
        <button type="button" className="primary" onClick={exportCsv}>
          {words.exportCsv}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {props.saved === undefined ? '' : words.exported(props.saved)}
      </p>
    </>
  );
}
