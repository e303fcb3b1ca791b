/**
 * Stamps and redemptions per day as a bar chart (recharts, SVG): the terminal's Reports
 * and HQ draw the same chart. It is one image with a name for screen readers; the screen
 * that shows it gives the same figures as a table beside it.
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
import './day-bar-chart.css';

export interface DayBars {
  readonly date: string;
  readonly stamps: number;
  readonly redemptions: number;
}

export function DayBarChart(props: {
  days: readonly DayBars[];
  /** The chart's name for screen readers: what it shows, and for when. */
  label: string;
  stampsName: string;
  redemptionsName: string;
  /** The day as the axis shows it. */
  dayLabel: (date: string) => string;
  testId?: string;
}) {
  const data = props.days.map((day) => ({ ...day, label: props.dayLabel(day.date) }));
  return (
    <div className="day-bar-chart" role="img" aria-label={props.label} data-testid={props.testId}>
      <ResponsiveContainer width="100%" height={270}>
        <BarChart
          data={data}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#c9c6bd" />
          <XAxis dataKey="label" stroke="#585a63" />
          <YAxis allowDecimals={false} stroke="#585a63" />
          <Tooltip />
          <Legend />
          <Bar dataKey="stamps" name={props.stampsName} fill="#0b5d4b" isAnimationActive={false} />
          <Bar
            dataKey="redemptions"
            name={props.redemptionsName}
            fill="#8a4b14"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
