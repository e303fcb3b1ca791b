/** Which days the figures cover: today, the last 7 or 30 days, or dates of one's own. */
import { useState, type SubmitEvent } from 'react';
import { KPI_DEFAULTS } from '../../shared/kpi/compute-kpis';
import { localTime } from '../../shared/rules/local-time';
import { PERIOD_KINDS, type PeriodKind } from '../../shared/sync/reports-protocol';
import { useI18n } from '../i18n/i18n';

export interface PeriodChoice {
  readonly period: PeriodKind;
  readonly from: string;
  readonly to: string;
}

/**
 * The period shown first: the last 7 days, and for a custom period today's date in the
 * stores' calendar (the zone the server counts days in), not the UTC day: at 00:30 in
 * Berlin the UTC day is still yesterday.
 */
export function initialPeriod(
  nowMs: number,
  timeZone: string = KPI_DEFAULTS.timeZone,
): PeriodChoice {
  const today = localTime(nowMs, timeZone).date;
  return { period: 'week', from: today, to: today };
}

/** The query string of a period for the report routes. */
export function periodQuery(choice: PeriodChoice): string {
  const query = new URLSearchParams({ period: choice.period });
  if (choice.period === 'custom') {
    query.set('from', choice.from);
    query.set('to', choice.to);
  }
  return query.toString();
}

export function PeriodPicker(props: { value: PeriodChoice; onChange: (c: PeriodChoice) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.value);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    props.onChange(draft);
  };
  return (
    <form className="hq-period" onSubmit={submit}>
      <fieldset>
        <legend>{t.hq.period.legend}</legend>
        <div className="row">
          <label className="field">
            {t.hq.period.label}
            <select
              value={draft.period}
              onChange={(event) => {
                const next = { ...draft, period: event.target.value as PeriodKind };
                setDraft(next);
                // A fixed period applies at once; a custom one waits for its dates.
                if (next.period !== 'custom') props.onChange(next);
              }}
            >
              {PERIOD_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.hq.period[kind]}
                </option>
              ))}
            </select>
          </label>
          {draft.period === 'custom' && (
            <>
              <label className="field">
                {t.hq.period.from}
                <input
                  type="date"
                  required
                  value={draft.from}
                  onChange={(event) => {
                    setDraft({ ...draft, from: event.target.value });
                  }}
                />
              </label>
              <label className="field">
                {t.hq.period.to}
                <input
                  type="date"
                  required
                  value={draft.to}
                  onChange={(event) => {
                    setDraft({ ...draft, to: event.target.value });
                  }}
                />
              </label>
              <button type="submit" className="primary hq-apply">
                {t.hq.period.apply}
              </button>
            </>
          )}
        </div>
      </fieldset>
    </form>
  );
}
