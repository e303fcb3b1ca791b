/** HQ once signed in: the period's figures, the trend, stores, terminals, overdrafts, exports. */
import { useCallback, useEffect, useState } from 'react';
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
import { PeriodPicker, periodQuery, type PeriodChoice } from './PeriodPicker';
import { SegmentsSection } from './SegmentsSection';
import { TerminalsSection } from './TerminalsSection';
import { TrendChart } from './TrendChart';

interface Figures {
  readonly kpis: KpisResponse;
  readonly overdrafts: OverdraftsResponse;
  readonly terminals: TerminalsResponse;
}

const today = () => new Date().toISOString().slice(0, 10);

export function Dashboard(props: {
  session: SessionResponse;
  onSignedOut: (notice?: string) => void;
}) {
  const { t, language } = useI18n();
  const { onSignedOut } = props;
  const [period, setPeriod] = useState<PeriodChoice>({
    period: 'week',
    from: today(),
    to: today(),
  });
  const [figures, setFigures] = useState<Figures | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>(undefined);

  const fail = useCallback(
    (failure: HqFailure) => {
      if (failure.kind === 'signed_out') onSignedOut(t.hq.sessionEnded);
      else setError(failure.kind === 'offline' ? t.hq.networkError : failure.message);
    },
    [onSignedOut, t],
  );

  const load = useCallback(async () => {
    setLoading(true);
    setError(undefined);
    const query = periodQuery(period);
    const [kpis, overdrafts, terminals] = await Promise.all([
      hqJson(kpisResponseSchema, `/v1/reports/kpis?${query}`),
      hqJson(overdraftsResponseSchema, `/v1/reports/overdrafts?${query}`),
      hqJson(terminalsResponseSchema, '/v1/hq/terminals'),
    ]);
    setLoading(false);
    if (!kpis.ok || !overdrafts.ok || !terminals.ok) {
      const failed = !kpis.ok ? kpis.error : !overdrafts.ok ? overdrafts.error : undefined;
      fail(failed ?? (terminals.ok ? { kind: 'offline' } : terminals.error));
      return;
    }
    setFigures({ kpis: kpis.value, overdrafts: overdrafts.value, terminals: terminals.value });
  }, [period, fail]);

  useEffect(() => {
    void load();
  }, [load]);

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
            {error}
          </p>
        )}
        {figures && (
          <>
            <KpiSection report={figures.kpis} />
            <TrendChart perDay={figures.kpis.overall.perDay} period={figures.kpis.period} />
            <TerminalsSection
              terminals={figures.terminals.terminals}
              onRevoked={() => void load()}
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
