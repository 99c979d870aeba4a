import { Cohort } from '../domain/initiative.events';
import { Measurement } from '../domain/initiative.state';

export interface MetricPointView {
  periodStart: string;
  cohort: Cohort;
  iteration: number;
  n: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * The readings of one metric aggregated per period, cohort and iteration, ordered by period, then
 * cohort, then iteration. Computed when asked from the initiative's readings (the read model the
 * cohort comparison uses too), so each reading is kept once.
 */
export function metricPoints(readings: Iterable<Measurement>, metricId: string): MetricPointView[] {
  const points = new Map<string, MetricPointView>();
  for (const { metricId: readingMetric, periodStart, cohort, iteration, value } of readings) {
    if (readingMetric !== metricId) continue;
    const key = `${periodStart}|${cohort}|${iteration}`;
    const point = points.get(key);
    if (!point) {
      points.set(key, { periodStart, cohort, iteration, n: 1, sum: value, min: value, max: value });
      continue;
    }
    point.n += 1;
    point.sum += value;
    point.min = Math.min(point.min, value);
    point.max = Math.max(point.max, value);
  }
  return [...points.values()].sort(
    (a, b) => compare(a.periodStart, b.periodStart) || compare(a.cohort, b.cohort) || a.iteration - b.iteration,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
