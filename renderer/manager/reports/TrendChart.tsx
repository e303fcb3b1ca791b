/**
 * Stamps and redemptions per day as a bar chart (recharts, SVG). The chart is an image
 * with a name and a description for screen readers; the same figures follow as a table,
 * which is what a screen reader reads and what the CSV writes.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DayFigures } from '../../../shared/kpi/kpi-report';
import { useI18n } from '../../i18n/i18n';

/** `YYYY-MM-DD` → `DD.MM.` (German) or `MM-DD` (English), short enough for an axis. */
const shortDate = (date: string, language: 'de' | 'en') =>
  language === 'de' ? `${date.slice(8, 10)}.${date.slice(5, 7)}.` : date.slice(5);

export function TrendChart(props: { days: readonly DayFigures[]; range: string }) {
  const { t, language } = useI18n();
  const data = props.days.map((day) => ({ ...day, label: shortDate(day.date, language) }));
  const title = t.reports.chartTitle(props.range);
  return (
    <div className="trend-chart" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart
          data={data}
          role="img"
          title={title}
          desc={t.reports.chartNote}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#c9c6bd" />
          <XAxis dataKey="label" stroke="#585a63" />
          <YAxis allowDecimals={false} stroke="#585a63" />
          <Tooltip />
          <Legend />
          <Bar dataKey="stamps" name={t.reports.stamps} fill="#0b5d4b" isAnimationActive={false} />
          <Bar
            dataKey="redemptions"
            name={t.reports.redemptionsColumn}
            fill="#8a4b14"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
