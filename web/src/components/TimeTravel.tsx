import { useEffect, useId, useRef, useState } from 'react';
import { formatDateTime, fromLocalInput, toLocalInput } from '../format';
import type { TimeMark } from '../time-marks';

interface Props {
  /** The instant shown, or null for now. */
  asOf: string | null;
  onChange(asOf: string | null): void;
  /** The earliest instant worth scrubbing to (e.g. when the initiative was proposed). */
  min: string | null;
  /** Moments worth jumping to, such as decisions. */
  marks?: TimeMark[];
}

const HOUR = 3_600_000;

/**
 * Time travel: a date-time field, a slider from `min` to now and jump buttons. Every change re-queries the
 * page with `asOf`, so the figures are what the projections would have said at that instant.
 */
export function TimeTravel({ asOf, onChange, min, marks = [] }: Props) {
  const id = useId();
  const [now] = useState(() => Date.now());
  const minMs = min ? Math.min(Date.parse(min), now - HOUR) : now - 90 * 24 * HOUR;
  const currentMs = asOf ? Date.parse(asOf) : now;
  const [sliderMs, setSliderMs] = useState(currentMs);
  const [field, setField] = useState(asOf ? toLocalInput(asOf) : '');
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    setSliderMs(asOf ? Date.parse(asOf) : now);
    setField(asOf ? toLocalInput(asOf) : '');
  }, [asOf, now]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commitLater = (value: string | null) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onChange(value), 250);
  };

  return (
    <section className={`time-travel card ${asOf ? 'is-historical' : ''}`} aria-labelledby={`${id}-title`}>
      <div className="time-travel-row">
        <h2 id={`${id}-title`} className="time-travel-title">
          Time travel
        </h2>
        <label className="field">
          <span>View as of</span>
          <input
            type="datetime-local"
            value={field}
            aria-describedby={`${id}-help`}
            onChange={(event) => {
              setField(event.target.value);
              const iso = fromLocalInput(event.target.value);
              if (iso) commitLater(iso);
            }}
          />
        </label>
        <button type="button" onClick={() => onChange(null)} disabled={!asOf}>
          Back to now
        </button>
      </div>
      <input
        className="time-slider"
        type="range"
        min={minMs}
        max={now}
        step={HOUR}
        value={Math.min(Math.max(sliderMs, minMs), now)}
        aria-label="Scrub through history"
        aria-valuetext={sliderMs >= now - HOUR / 2 ? 'now' : formatDateTime(new Date(sliderMs).toISOString())}
        onChange={(event) => {
          const ms = Number(event.target.value);
          setSliderMs(ms);
          commitLater(ms >= now - HOUR / 2 ? null : new Date(ms).toISOString());
        }}
      />
      <p id={`${id}-help`} className="muted small">
        Pick a date, drag the slider or jump to a moment: the page shows what pilotlog knew at that instant.
      </p>
      {marks.length > 0 && (
        <div className="time-marks" role="group" aria-label="Jump to a moment">
          {marks.map((mark) => (
            <button key={`${mark.at}-${mark.label}`} type="button" className="chip" onClick={() => onChange(mark.at)}>
              {mark.label}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

export function HistoricalBanner({ asOf, onBackToNow }: { asOf: string | null; onBackToNow(): void }) {
  if (!asOf) return null;
  return (
    <div className="historical-banner" role="status" data-testid="historical-banner">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 7v5l3 2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span>
        <strong>Historical view</strong> — as it stood on {formatDateTime(asOf)}. Nothing after that instant is shown.
      </span>
      <button type="button" onClick={onBackToNow}>
        Back to now
      </button>
    </div>
  );
}
