import { mean, sampleSd, welchTTest } from '../../shared/statistics/welch';
import { CohortComparison, MetricEvidence } from './initiative.events';
import { InitiativeState, lastCompletedIterationOf, MetricDefinition, Reading } from './initiative.state';

/** The PILOT readings of the most recent period seen so far; `latest` is their mean. */
export interface LatestPeriod {
  periodStart: string;
  sum: number;
  n: number;
}

export function foldLatestPeriod(latest: LatestPeriod | null, periodStart: string, value: number): LatestPeriod {
  if (latest === null || periodStart > latest.periodStart) return { periodStart, sum: value, n: 1 };
  if (periodStart === latest.periodStart) return { periodStart, sum: latest.sum + value, n: latest.n + 1 };
  return latest;
}

export function latestOfPeriod(latest: LatestPeriod | null): number | null {
  return latest === null ? null : latest.sum / latest.n;
}

/** Mean of the PILOT readings of the most recent period recorded for the metric. */
export function latestValue(readings: readonly Reading[], metricId: string): number | null {
  let latest: LatestPeriod | null = null;
  for (const r of readings) {
    if (r.metricId === metricId && r.cohort === 'PILOT') latest = foldLatestPeriod(latest, r.periodStart, r.value);
  }
  return latestOfPeriod(latest);
}

/** (latest − baseline) ÷ (target − baseline), unclamped: 1 means the target is reached. */
export function progress(metric: { baseline: number; target: number }, latest: number | null): number | null {
  return latest === null ? null : (latest - metric.baseline) / (metric.target - metric.baseline);
}

/** How much of an iteration's planned window has passed at `now`, from 0 to 1. */
export function elapsedShare(iteration: { startedAt: string; plannedEndAt: string }, now: string): number {
  const start = Date.parse(iteration.startedAt);
  const window = Date.parse(iteration.plannedEndAt) - start;
  if (window <= 0) return 1;
  return Math.min(1, Math.max(0, (Date.parse(now) - start) / window));
}

/** On track when progress keeps pace with the time elapsed in the current iteration. */
export function onTrack(metricProgress: number | null, share: number): boolean | null {
  return metricProgress === null ? null : metricProgress >= share;
}

/** Welch's t-test of the PILOT vs CONTROL readings of one metric in one iteration. */
export function compareCohorts(
  metricId: string,
  iteration: number,
  pilot: readonly number[],
  control: readonly number[],
): CohortComparison {
  const welch = welchTTest(pilot, control);
  return {
    metricId,
    iteration,
    pilot: { n: pilot.length, mean: mean(pilot), sd: sampleSd(pilot) },
    control: { n: control.length, mean: mean(control), sd: sampleSd(control) },
    difference: welch?.difference ?? null,
    ciLow: welch?.ciLow ?? null,
    ciHigh: welch?.ciHigh ?? null,
    pValue: welch?.pValue ?? null,
  };
}

function comparisonOf(readings: readonly Reading[], metric: MetricDefinition, iteration: number): CohortComparison {
  const of = (cohort: 'PILOT' | 'CONTROL') =>
    readings.filter((r) => r.metricId === metric.metricId && r.iteration === iteration && r.cohort === cohort).map((r) => r.value);
  return compareCohorts(metric.metricId, iteration, of('PILOT'), of('CONTROL'));
}

/**
 * The evidence a decision freezes, per metric in definition order: baseline, target, latest,
 * progress, and the cohort comparison of the last completed iteration.
 */
export function evidence(state: InitiativeState): MetricEvidence[] {
  if (state.status === 'NEW') return [];
  const readings = 'readings' in state ? state.readings : [];
  const completed = 'iterations' in state ? lastCompletedIterationOf(state) : null;
  return state.metrics.map((metric) => {
    const latest = latestValue(readings, metric.metricId);
    return {
      metricId: metric.metricId,
      name: metric.name,
      baseline: metric.baseline,
      target: metric.target,
      latest,
      progress: progress(metric, latest),
      comparison: completed ? comparisonOf(readings, metric, completed.number) : null,
    };
  });
}
