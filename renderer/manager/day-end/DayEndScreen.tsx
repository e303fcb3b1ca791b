/**
 * The day-end close: sync now (with its progress), say how it went (a terminal without a
 * server closes its day on its own, which is no error), show this terminal's Z report
 * since its last close, print it, and on the manager's confirmation record `day.closed`.
 */
import { useState } from 'react';
import { KPI_DEFAULTS } from '../../../shared/kpi/compute-kpis';
import { useSync } from '../../app/sync-context';
import { useTerminal } from '../../app/terminal-context';
import { describeSyncProblem } from '../../i18n/describe';
import { useI18n } from '../../i18n/i18n';
import { closeDay, loadDayEnd, type DayEndView } from './day-end-store';
import { printZReport } from './print-z-report';
import { ZReportView } from './ZReportView';
import '../reports/reports.css';
import './day-end.css';

type Phase = 'idle' | 'syncing' | 'reading' | 'report' | 'closing' | 'closed';

export function DayEndScreen() {
  const { t, language } = useI18n();
  const words = t.dayEnd;
  const { db, session } = useTerminal();
  const sync = useSync();
  const [phase, setPhase] = useState<Phase>('idle');
  const [syncLine, setSyncLine] = useState<string>();
  const [view, setView] = useState<DayEndView>();
  const [closedAtMs, setClosedAtMs] = useState<number>();
  const [problem, setProblem] = useState<string>();

  const when = (ms: number) =>
    new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: KPI_DEFAULTS.timeZone,
    }).format(ms);

  const readReport = async () => {
    setPhase('reading');
    const loaded = await loadDayEnd(db);
    if (!loaded.ok) {
      setProblem(words.notSetUp);
      setPhase('idle');
      return;
    }
    setView(loaded.value);
    setPhase('report');
  };

  const start = async () => {
    setProblem(undefined);
    setSyncLine(undefined);
    setClosedAtMs(undefined);
    setPhase('syncing');
    try {
      const outcome = sync.enrolled ? await sync.syncNow() : undefined;
      if (!outcome || (!outcome.ok && outcome.error.code === 'not_enrolled')) {
        setSyncLine(words.notEnrolled);
      } else if (outcome.ok) {
        setSyncLine(words.synced(outcome.value.pushed, outcome.value.pulled));
      } else {
        setSyncLine(words.syncFailed(describeSyncProblem(t, outcome.error)));
      }
      await readReport();
    } catch (error) {
      // A storage failure: said in words, nothing was written.
      setProblem(words.error(String(error)));
      setPhase('idle');
    }
  };

  const confirm = async () => {
    if (!view) return;
    setPhase('closing');
    try {
      const closed = await closeDay(db, view, session.staff);
      if (!closed.ok) {
        setProblem(words.closedMeanwhile);
        setPhase('report');
        return;
      }
      setClosedAtMs(Date.now());
      setPhase('closed');
    } catch (error) {
      setProblem(words.error(String(error)));
      setPhase('report');
    }
  };

  const print = async () => {
    const printed = await printZReport();
    setProblem(
      printed.ok
        ? undefined
        : words.printFailed(words.printProblem[printed.problem], printed.detail),
    );
  };

  const busy = phase === 'syncing' || phase === 'reading' || phase === 'closing';
  const showReport =
    view !== undefined && (phase === 'report' || phase === 'closing' || phase === 'closed');
  const progress = sync.progress ?? { pushed: 0, pulled: 0 };
  const closedLine =
    phase === 'closed' && closedAtMs !== undefined ? words.closed(when(closedAtMs)) : undefined;

  return (
    <section aria-labelledby="day-end-heading" className="day-end">
      <h2 id="day-end-heading">{words.title}</h2>
      <p>{words.intro}</p>
      <div className="row">
        <button
          type="button"
          className="primary big"
          disabled={busy}
          onClick={() => {
            void start();
          }}
        >
          {words.start}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="day-end-status">
        {phase === 'syncing' && (
          <p>
            {words.syncing} {sync.enrolled ? words.progress(progress.pushed, progress.pulled) : ''}
          </p>
        )}
        {phase === 'syncing' && sync.enrolled && <progress aria-label={words.syncing} />}
        {syncLine !== undefined && <p data-testid="sync-outcome">{syncLine}</p>}
        {phase === 'reading' && <p>{words.reading}</p>}
        {phase === 'closing' && <p>{words.closing}</p>}
        {closedLine !== undefined && <p data-testid="day-closed">{closedLine}</p>}
        {showReport && view.closedAlready && phase !== 'closed' && (
          <p data-testid="closed-already">
            {words.closedAlready(when(view.lastClosedMs ?? view.sinceMs))}
          </p>
        )}
      </div>
      {problem !== undefined && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {showReport && (
        <>
          <ZReportView
            report={view.report}
            storeName={view.storeName}
            names={view.names}
            period={words.since(
              when(view.sinceMs),
              when(view.report.lastMs ?? closedAtMs ?? Date.now()),
            )}
            lastClosed={
              view.lastClosedMs === undefined
                ? words.neverClosed
                : words.lastClosed(when(view.lastClosedMs))
            }
            closedLine={closedLine}
          />
          <div className="row day-end-actions">
            <button
              type="button"
              onClick={() => {
                void print();
              }}
            >
              {words.print}
            </button>
            {phase !== 'closed' && !view.closedAlready && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => {
                  void confirm();
                }}
              >
                {words.confirm}
              </button>
            )}
            {problem === words.closedMeanwhile && (
              <button
                type="button"
                onClick={() => {
                  setProblem(undefined);
                  void readReport();
                }}
              >
                {words.again}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
