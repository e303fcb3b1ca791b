/**
 * The Reports screen's chart: stamps and redemptions per day. The same figures follow as
 * a table (PerDayTable), which is what a screen reader reads and what the CSV writes.
 */
import type { DayFigures } from '../../../shared/kpi/kpi-report';
import { useI18n } from '../../i18n/i18n';
import { DayBarChart } from '../../ui/DayBarChart';

/** `YYYY-MM-DD` → `DD.MM.` (German) or `MM-DD` (English), short enough for an axis. */
const shortDate = (date: string, language: 'de' | 'en') =>
  language === 'de' ? `${date.slice(8, 10)}.${date.slice(5, 7)}.` : date.slice(5);

export function TrendChart(props: { days: readonly DayFigures[]; range: string }) {
  const { t, language } = useI18n();
  return (
    <DayBarChart
      days={props.days}
      label={t.reports.chartTitle(props.range)}
      stampsName={t.reports.stamps}
      redemptionsName={t.reports.redemptionsColumn}
      dayLabel={(date) => shortDate(date, language)}
      testId="trend-chart"
    />
  );
}
