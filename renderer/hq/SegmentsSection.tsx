/** The member exports: lapsed members for a win-back mailing, the period's champions. */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { hqDownload, type HqFailure } from './hq-api';
import { describeHqFailure } from './hq-errors';
import { periodQuery, type PeriodChoice } from './PeriodPicker';

export function SegmentsSection(props: {
  period: PeriodChoice;
  onFailure: (failure: HqFailure) => void;
}) {
  const { t } = useI18n();
  const [days, setDays] = useState('60');
  const [working, setWorking] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [error, setError] = useState<HqFailure | undefined>(undefined);

  const download = async (path: string) => {
    setWorking(true);
    setDone(undefined);
    setError(undefined);
    const answer = await hqDownload(path);
    setWorking(false);
    if (answer.ok) {
      setDone(t.hq.segments.downloaded(answer.value));
    } else if (answer.error.kind === 'refused') {
      setError(answer.error);
    } else {
      props.onFailure(answer.error);
    }
  };

  return (
    <section aria-labelledby="hq-segments-title">
      <h2 id="hq-segments-title">{t.hq.segments.title}</h2>
      <p>{t.hq.segments.intro}</p>
      <div className="hq-segment">
        <label className="field">
          {t.hq.segments.lapsedDays}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            value={days}
            onChange={(event) => {
              setDays(event.target.value);
            }}
          />
        </label>
        <p id="hq-lapsed-help">{t.hq.segments.lapsedHelp}</p>
        <button
          type="button"
          aria-describedby="hq-lapsed-help"
          disabled={working}
          onClick={() =>
            void download(`/v1/reports/segments/lapsed.csv?${new URLSearchParams({ days })}`)
          }
        >
          {t.hq.segments.lapsed}
        </button>
      </div>
      <div className="hq-segment">
        <p id="hq-champions-help">{t.hq.segments.championsHelp}</p>
        <button
          type="button"
          aria-describedby="hq-champions-help"
          disabled={working}
          onClick={() =>
            void download(`/v1/reports/segments/champions.csv?${periodQuery(props.period)}`)
          }
        >
          {t.hq.segments.champions}
        </button>
      </div>
      <p role="status">{working ? t.hq.segments.downloading : (done ?? '')}</p>
      {error && (
        <p className="error" role="alert">
          {describeHqFailure(error, t.hq)}
        </p>
      )}
    </section>
  );
}
