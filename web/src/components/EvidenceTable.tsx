import type { MetricEvidence } from '../api/queries';
import { formatNumber, formatPercent, formatPValue } from '../format';

type Cell = (e: MetricEvidence | null | undefined) => string;

const ROWS: Array<[string, Cell]> = [
  ['Baseline', (e) => formatNumber(e?.baseline)],
  ['Target', (e) => formatNumber(e?.target)],
  ['Latest (pilot)', (e) => formatNumber(e?.latest)],
  ['Progress', (e) => formatPercent(e?.progress)],
  [
    'Pilot mean (n)',
    (e) => (e?.comparison ? `${formatNumber(e.comparison.pilot.mean)} (${e.comparison.pilot.n})` : '—'),
  ],
  [
    'Control mean (n)',
    (e) => (e?.comparison ? `${formatNumber(e.comparison.control.mean)} (${e.comparison.control.n})` : '—'),
  ],
  ['Difference', (e) => formatNumber(e?.comparison?.difference)],
  [
    '95% interval',
    (e) =>
      e?.comparison?.ciLow != null && e.comparison.ciHigh != null
        ? `${formatNumber(e.comparison.ciLow)} to ${formatNumber(e.comparison.ciHigh)}`
        : '—',
  ],
  ['p-value', (e) => (e?.comparison?.pValue != null ? formatPValue(e.comparison.pValue) : '—')],
];

/** The evidence of one metric, recorded beside recomputed when both are given; differing cells are marked. */
export function EvidenceTable({
  recorded,
  recomputed,
  heading = 'Recorded in the decision',
}: {
  recorded: MetricEvidence;
  /** What the first column of figures is. */
  heading?: string;
  /** null: the replay has no evidence for this metric. */
  recomputed?: MetricEvidence | null;
}) {
  return (
    <div className="table-wrap">
      <table className="evidence-table">
        <caption>{recorded.name}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              {heading}
            </th>
            {recomputed !== undefined && (
              <th scope="col" className="num">
                Recomputed from the events
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, cell]) => {
            const a = cell(recorded);
            const b = recomputed !== undefined ? cell(recomputed) : null;
            const differs = b !== null && a !== b;
            return (
              <tr key={label} className={differs ? 'differs' : undefined}>
                <th scope="row">{label}</th>
                <td className="num">{a}</td>
                {b !== null && (
                  <td className="num">
                    {b}
                    {differs && <span className="pill warn small-pill"> differs</span>}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
