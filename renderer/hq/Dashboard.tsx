/** HQ once signed in: the period's figures, the trend, stores, terminals, overdrafts, exports. */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  terminalsResponseSchema,
  type SessionResponse,
  type TerminalsResponse,
} from '../../shared/sync/hq-protocol';
import {
  kpisResponseSchema,
  overdraftsResponseSchema,
  type KpisResponse,
  type OverdraftsResponse,
} from '../../shared/sync/reports-protocol';
import { useI18n } from '../i18n/i18n';
import { hqJson, hqPost, type HqFailure } from './hq-api';
import { formatDate } from './format';
import { KpiSection } from './KpiSection';
import { LanguagePicker } from './LanguagePicker';
import { OverdraftsSection } from './OverdraftsSection';
import { describeHqFailure } from './hq-errors';
import { initialPeriod, PeriodPicker, periodQuery, type PeriodChoice } from './PeriodPicker';
import { SegmentsSection } from './SegmentsSection';
import { TerminalsSection } from './TerminalsSection';
import { TrendChart } from './TrendChart';

interface Figures {
  readonly kpis: KpisResponse;
  readonly overdrafts: OverdraftsResponse;
  readonly terminals: TerminalsResponse;
}

export function Dashboard(props: {
  session: SessionResponse;
  onSignedOut: (notice?: string) => void;
}) {
  const { t, language } = useI18n();
  const { onSignedOut } = props;
  const [period, setPeriod] = useState<PeriodChoice>(() => initialPeriod(Date.now()));
  /** Bumped to load the same period again (after a revocation). */
  const [reloads, setReloads] = useState(0);
  const [figures, setFigures] = useState<Figures | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<HqFailure | undefined>(undefined);
  // Read by the effect below without being one of its reasons to load again: a change of
  // language re-renders the words, it fetches nothing.
  const signOutNotice = useRef(t.hq.sessionEnded);
  signOutNotice.current = t.hq.sessionEnded;

  const fail = useCallback(
    (failure: HqFailure) => {
      if (failure.kind === 'signed_out') onSignedOut(signOutNotice.current);
      else setError(failure);
    },
    [onSignedOut],
  );

  useEffect(() => {
    // A newer period (or leaving the page) aborts these calls: an older period's answers,
    // however late, never overwrite the newer one's.
    const controller = new AbortController();
    const { signal } = controller;
    const load = async () => {
      setLoading(true);
      setError(undefined);
      const query = periodQuery(period);
      const [kpis, overdrafts, terminals] = await Promise.all([
        hqJson(kpisResponseSchema, `/v1/reports/kpis?${query}`, { signal }),
        hqJson(overdraftsResponseSchema, `/v1/reports/overdrafts?${query}`, { signal }),
        hqJson(terminalsResponseSchema, '/v1/hq/terminals', { signal }),
      ]);
      if (signal.aborted) return;
      setLoading(false);
      if (!kpis.ok || !overdrafts.ok || !terminals.ok) {
        const failed = !kpis.ok ? kpis.error : !overdrafts.ok ? overdrafts.error : undefined;
        fail(failed ?? (terminals.ok ? { kind: 'offline' } : terminals.error));
        return;
      }
      setFigures({ kpis: kpis.value, overdrafts: overdrafts.value, terminals: terminals.value });
    };
    void load();
    return () => {
      controller.abort();
    };
  }, [period, reloads, fail]);

  const signOut = async () => {
    await hqPost('/v1/hq/logout');
    onSignedOut();
  };

  return (
    <>
      <header className="top-bar hq-top">
        <h1>{t.hq.title}</h1>
        <span className="hq-who">
          {t.hq.signedInAs(props.session.username, props.session.tenantName)}
        </span>
        <LanguagePicker />
        <button type="button" className="secondary" onClick={() => void signOut()}>
          {t.hq.signOut}
        </button>
      </header>
      <main className="screen hq">
        <PeriodPicker value={period} onChange={setPeriod} />
        <p role="status" className="hq-progress">
          {loading
            ? t.hq.refreshing
            : figures
              ? t.hq.period.range(
                  formatDate(language, figures.kpis.period.from),
                  formatDate(language, figures.kpis.period.to),
                )
              : ''}
        </p>
        {error && (
          <p className="error" role="alert">
            {describeHqFailure(error, t.hq)}
          </p>
        )}
        {figures && (
          <>
            <KpiSection report={figures.kpis} />
            <TrendChart perDay={figures.kpis.overall.perDay} period={figures.kpis.period} />
            <TerminalsSection
              terminals={figures.terminals.terminals}
              onRevoked={() => {
                setReloads((n) => n + 1);
              }}
              onFailure={fail}
            />
            <OverdraftsSection overdrafts={figures.overdrafts.overdrafts} />
            <SegmentsSection period={period} onFailure={fail} />
          </>
        )}
      </main>
    </>
  );
}
