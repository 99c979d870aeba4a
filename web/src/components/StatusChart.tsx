import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { STATUSES, StatusCount } from '../api/queries';
import { STATUS_LABEL } from '../format';

/** Okabe–Ito colours, readable by colour-blind eyes; every bar also carries its count as text. */
export const STATUS_COLOURS = {
  PROPOSED: '#6E6E6E',
  DEFINED: '#B45F9A',
  PILOTING: '#0072B2',
  SCALED: '#007A5A',
  STOPPED: '#C34A00',
} as const;

export function StatusChart({ counts, title = 'Initiatives by status' }: { counts: StatusCount[]; title?: string }) {
  const data = STATUSES.map((status) => ({
    status,
    label: STATUS_LABEL[status],
    count: counts.find((c) => c.status === status)?.count ?? 0,
  }));
  const total = data.reduce((sum, d) => sum + d.count, 0);
  return (
    <figure className="chart status-chart">
      <figcaption>
        {title} <span className="muted">({total} in all)</span>
      </figcaption>
      <div aria-hidden="true" style={{ width: '100%', height: 190 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 32, bottom: 4, left: 8 }}
            accessibilityLayer={false}
          >
            <XAxis type="number" allowDecimals={false} hide />
            <YAxis type="category" dataKey="label" width={72} tickLine={false} axisLine={false} />
            <Bar dataKey="count" isAnimationActive={false} radius={[0, 4, 4, 0]}>
              {data.map((d) => (
                <Cell key={d.status} fill={STATUS_COLOURS[d.status]} />
              ))}
              <LabelList dataKey="count" position="right" fill="#1f2328" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="sr-only" data-testid="status-counts">
        {data.map((d) => (
          <li key={d.status}>
            {d.label}: {d.count}
          </li>
        ))}
      </ul>
    </figure>
  );
}
