/** A half-circle gauge for a share between 0 and 1 (values outside are drawn at the ends, but printed as they are). */
export function Gauge({ value, label, detail }: { value: number | null; label: string; detail?: string }) {
  const shown = value == null || !Number.isFinite(value) ? 0 : Math.min(1, Math.max(0, value));
  const r = 80;
  const cx = 100;
  const cy = 100;
  const angle = Math.PI * (1 - shown);
  const end = { x: cx + r * Math.cos(angle), y: cy - r * Math.sin(angle) };
  const text = value == null ? '—' : `${Math.round(value * 100)}%`;
  const description = `${label}: ${text}${detail ? `, ${detail}` : ''}`;
  return (
    <figure className="gauge" role="img" aria-label={description}>
      <svg viewBox="0 0 200 120" width="100%" aria-hidden="true" focusable="false">
        <path d={`M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${cx + r} ${cy}`} className="gauge-track" />
        {shown > 0 && (
          <path
            d={`M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${end.x.toFixed(2)} ${end.y.toFixed(2)}`}
            className="gauge-value"
          />
        )}
        <text x={cx} y={cy - 12} textAnchor="middle" className="gauge-text">
          {text}
        </text>
      </svg>
      <figcaption>
        <strong>{label}</strong>
        {detail && <span className="muted"> {detail}</span>}
      </figcaption>
    </figure>
  );
}
