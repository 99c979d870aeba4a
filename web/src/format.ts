import type { CohortComparison, DecisionKind, InitiativeStatus, IterationOutcome, SuccessMetric } from './api/queries';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const shortDateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
export const formatShortDate = (iso: string) => shortDateFormat.format(new Date(iso));

/** 0.456 → "46%"; null → "—". */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

/** Numbers as a director reads them: one decimal at most, two below 1, none past 1,000. */
export function formatNumber(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 1 ? 1 : 2;
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(value);
}

/** A confidence as a director writes it: 95%, 97.5%. */
export function formatConfidence(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** A p-value to two significant digits: 0.029, 0.1. */
export function formatPFloor(p: number): string {
  return String(Number(p.toPrecision(2)));
}

export function formatPValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toFixed(3)}`;
}

export function formatDays(days: number | null): string {
  if (days == null) return '—';
  return `${formatNumber(days)} ${days === 1 ? 'day' : 'days'}`;
}

export const STATUS_LABEL: Record<InitiativeStatus, string> = {
  PROPOSED: 'Proposed',
  DEFINED: 'Defined',
  PILOTING: 'Piloting',
  SCALED: 'Scaled',
  STOPPED: 'Stopped',
};

export const DECISION_LABEL: Record<DecisionKind, string> = {
  PERSEVERE: 'Persevere',
  PIVOT: 'Pivot',
  SCALE: 'Scale',
  STOP: 'Stop',
};

export const OUTCOME_LABEL: Record<IterationOutcome, string> = {
  VALIDATED: 'Validated',
  INVALIDATED: 'Invalidated',
  INCONCLUSIVE: 'Inconclusive',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The cohort comparison in a sentence a director understands, e.g. "Pilot reps averaged 3.5 more customers
 * than the control group; 95% interval 2.1 to 4.9 (p = 0.002)", or plain words when the data is too thin.
 */
export function describeComparison(
  comparison: CohortComparison | null,
  metric: Pick<SuccessMetric, 'unit' | 'direction'>,
): { sentence: string; verdict: string | null; enoughData: boolean } {
  if (!comparison) {
    return { sentence: 'No readings were recorded in this iteration.', verdict: null, enoughData: false };
  }
  const { pilot, control, difference, ciLow, ciHigh, pValue } = comparison;
  if (control.n === 0 && pilot.n === 0) {
    return { sentence: 'No readings were recorded in this iteration.', verdict: null, enoughData: false };
  }
  if (control.n === 0) {
    return {
      sentence: `Pilot reps averaged ${formatNumber(pilot.mean)} ${metric.unit} (${plural(pilot.n, 'reading')}), but there are no control group readings to compare with.`,
      verdict: null,
      enoughData: false,
    };
  }
  if (pilot.n < 2 || control.n < 2 || difference == null) {
    return {
      sentence: `Not enough data to compare yet: the pilot group has ${plural(pilot.n, 'reading')} and the control group ${plural(control.n, 'reading')}; at least 2 in each are needed.`,
      verdict: null,
      enoughData: false,
    };
  }
  const amount = formatNumber(Math.abs(difference));
  const comparative = difference > 0 ? 'more' : difference < 0 ? 'fewer' : 'the same';
  let sentence =
    difference === 0
      ? `Pilot reps averaged the same ${metric.unit} as the control group`
      : `Pilot reps averaged ${amount} ${comparative} ${metric.unit} than the control group`;
  sentence += ` (${formatNumber(pilot.mean)} vs ${formatNumber(control.mean)})`;
  if (ciLow != null && ciHigh != null) sentence += `; 95% interval ${formatNumber(ciLow)} to ${formatNumber(ciHigh)}`;
  if (pValue != null) sentence += ` (${formatPValue(pValue)})`;
  sentence += '.';
  let verdict: string | null = null;
  if (ciLow != null && ciHigh != null) {
    const wanted = metric.direction === 'INCREASE' ? 1 : -1;
    if (ciLow > 0 || ciHigh < 0) {
      const good = Math.sign(difference) === wanted;
      verdict = good
        ? 'The difference is unlikely to be chance, and it goes the way we want.'
        : 'The difference is unlikely to be chance, but it goes the wrong way.';
    } else {
      verdict = 'The interval includes zero, so the difference could be chance.';
    }
  }
  return { sentence, verdict, enoughData: true };
}

/** ISO instant → the value of an <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
