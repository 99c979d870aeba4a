import { formatPercent } from '../format';

/** Progress from baseline (0%) to target (100%), drawn clamped but printed unclamped. */
export function Progress({ value, label }: { value: number | null; label: string }) {
  if (value == null) return <span className="muted">no reading yet</span>;
  const width = Math.min(100, Math.max(0, value * 100));
  return (
    <span className="progress">
      <span
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(value * 100)}
        aria-valuetext={`${formatPercent(value)} of the way from baseline to target`}
      >
        <span className={`progress-bar ${value < 0 ? 'negative' : ''}`} style={{ width: `${width}%` }} />
      </span>
      <span className="progress-text">{formatPercent(value)}</span>
    </span>
  );
}

export function OnTrack({ value }: { value: boolean | null }) {
  if (value == null) return <span className="muted">—</span>;
  return value ? (
    <span className="pill ok">
      <span aria-hidden="true">✓ </span>On track
    </span>
  ) : (
    <span className="pill warn">
      <span aria-hidden="true">! </span>Behind
    </span>
  );
}
