import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MetricPoint, SuccessMetric } from '../api/queries';
import { formatNumber, formatShortDate } from '../format';

export const PILOT_COLOUR = '#0072B2';
export const CONTROL_COLOUR = '#C34A00';
export const TARGET_COLOUR = '#007A5A';
export const BASELINE_COLOUR = '#57606a';

interface Row {
  period: string;
  label: string;
  iteration: number;
  pilot: number | null;
  control: number | null;
  pilotN: number;
  controlN: number;
}

function toRows(points: MetricPoint[]): Row[] {
  const rows = new Map<string, Row>();
  for (const p of points) {
    const row = rows.get(p.periodStart) ?? {
      period: p.periodStart,
      label: `${formatShortDate(p.periodStart)} · it. ${p.iteration}`,
      iteration: p.iteration,
      pilot: null,
      control: null,
      pilotN: 0,
      controlN: 0,
    };
    if (p.cohort === 'PILOT') {
      row.pilot = p.mean;
      row.pilotN = p.n;
    } else {
      row.control = p.mean;
      row.controlN = p.n;
    }
    rows.set(p.periodStart, row);
  }
  return [...rows.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** A y-axis range a little wider than the data, on round numbers (steps of 1, 2 or 5 times a power of ten). */
function niceAxis(low: number, high: number): { domain: [number, number]; ticks: number[] } {
  const span = Math.max(high - low, Math.abs(high) * 0.05, 1e-9);
  const rough = span / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const from = Math.floor(low / step - 0.5);
  const to = Math.ceil(high / step + 0.5);
  const ticks = Array.from({ length: to - from + 1 }, (_, i) => Number(((from + i) * step).toPrecision(12)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** PILOT vs CONTROL means by period, with the metric's baseline and target as reference lines. */
export function MetricChart({ metric, points }: { metric: SuccessMetric; points: MetricPoint[] }) {
  const rows = toRows(points);
  const values = rows.flatMap((r) => [r.pilot, r.control]).filter((v): v is number => v != null);
  const low = Math.min(metric.baseline, metric.target, ...values);
  const high = Math.max(metric.baseline, metric.target, ...values);
  const axis = niceAxis(low, high);
  const hasControl = rows.some((r) => r.control != null);
  const title = `${metric.name}: pilot vs control means by period`;

  if (rows.length === 0) {
    return (
      <figure className="chart metric-chart empty">
        <figcaption>{title}</figcaption>
        <p className="muted">No readings recorded yet.</p>
      </figure>
    );
  }

  return (
    <figure className="chart metric-chart" data-testid={`metric-chart-${metric.id}`}>
      <figcaption>{title}</figcaption>
      <div
        role="img"
        aria-label={`Line chart of ${metric.name} in ${metric.unit} per period: pilot${hasControl ? ' and control' : ''} means, baseline ${formatNumber(metric.baseline)}, target ${formatNumber(metric.target)}. The numbers are in the table below.`}
        style={{ width: '100%', height: 280 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 16, right: 40, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#d0d7de" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis
              domain={axis.domain}
              ticks={axis.ticks}
              tick={{ fontSize: 12 }}
              width={48}
              tickFormatter={(v: number) => formatNumber(v)}
            />
            <Tooltip formatter={(v) => formatNumber(Number(v))} />
            <Legend />
            <ReferenceLine
              y={metric.baseline}
              stroke={BASELINE_COLOUR}
              strokeDasharray="6 4"
              label={{
                value: `Baseline ${formatNumber(metric.baseline)}`,
                position: 'insideBottomLeft',
                fill: BASELINE_COLOUR,
                fontSize: 12,
              }}
            />
            <ReferenceLine
              y={metric.target}
              stroke={TARGET_COLOUR}
              strokeDasharray="2 3"
              strokeWidth={2}
              label={{
                value: `Target ${formatNumber(metric.target)}`,
                position: 'insideTopLeft',
                fill: TARGET_COLOUR,
                fontSize: 12,
              }}
            />
            <Line
              type="monotone"
              dataKey="pilot"
              name="Pilot mean"
              stroke={PILOT_COLOUR}
              strokeWidth={3}
              dot={{ r: 5 }}
              connectNulls
              isAnimationActive={false}
            />
            {hasControl && (
              <Line
                type="monotone"
                dataKey="control"
                name="Control mean"
                stroke={CONTROL_COLOUR}
                strokeWidth={2}
                strokeDasharray="7 4"
                dot={{ r: 4, strokeDasharray: '' }}
                connectNulls
                isAnimationActive={false}
              />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Period from</th>
                <th scope="col">Iteration</th>
                <th scope="col">Pilot mean (n)</th>
                {hasControl && <th scope="col">Control mean (n)</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.period}>
                  <td>{formatShortDate(r.period)}</td>
                  <td>{r.iteration}</td>
                  <td>
                    {formatNumber(r.pilot)} ({r.pilotN})
                  </td>
                  {hasControl && (
                    <td>
                      {formatNumber(r.control)} ({r.controlN})
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
