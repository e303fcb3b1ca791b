/**
 * Stamps and redemptions per day as a bar chart (recharts), named for screen readers,
 * with the same figures as a table for anyone who cannot use the chart.
 */
import type { KpiFigures, ResolvedPeriod } from '../../shared/sync/reports-protocol';
import { useI18n } from '../i18n/i18n';
import { DayBarChart } from '../ui/DayBarChart';
import { formatCount, formatDate } from './format';

export function TrendChart(props: { perDay: KpiFigures['perDay']; period: ResolvedPeriod }) {
  const { t, language } = useI18n();
  const { perDay, period } = props;
  const stamps = perDay.reduce((sum, day) => sum + day.stamps, 0);
  const redemptions = perDay.reduce((sum, day) => sum + day.redemptions, 0);
  return (
    <section aria-labelledby="hq-trend-title">
      <h2 id="hq-trend-title">{t.hq.trend.title}</h2>
      <DayBarChart
        days={perDay}
        label={t.hq.trend.chartLabel(
          formatDate(language, period.from),
          formatDate(language, period.to),
          stamps,
          redemptions,
        )}
        stampsName={t.hq.trend.stamps}
        redemptionsName={t.hq.trend.redemptions}
        dayLabel={(date) => formatDate(language, date)}
      />
      <details className="hq-details">
        <summary>{t.hq.trend.tableToggle}</summary>
        <table className="hq-table">
          <caption className="visually-hidden">{t.hq.trend.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.hq.trend.date}</th>
              <th scope="col">{t.hq.trend.stamps}</th>
              <th scope="col">{t.hq.trend.redemptions}</th>
            </tr>
          </thead>
          <tbody>
            {perDay.map((day) => (
              <tr key={day.date}>
                <th scope="row">{formatDate(language, day.date)}</th>
                <td>{formatCount(language, day.stamps)}</td>
                <td>{formatCount(language, day.redemptions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
