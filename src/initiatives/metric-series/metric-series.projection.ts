import { AppendOnlyList } from '../../shared/domain/append-only-list';
import { defineProjection } from '../../shared/projections/projection';
import { Cohort, MeasurementRecorded } from '../domain/initiative.events';

export interface MetricPointView {
  periodStart: string;
  cohort: Cohort;
  iteration: number;
  n: number;
  sum: number;
  min: number;
  max: number;
}

interface Reading {
  periodStart: string;
  cohort: Cohort;
  iteration: number;
  value: number;
}

export const metricSeriesKey = (initiativeId: string, metricId: string) => `${initiativeId}/${metricId}`;

/**
 * The readings of one metric as recorded; `metricPoints` aggregates them when asked. Keeping the
 * readings (not the points) lets each event append in O(1) while the view stays immutable.
 */
export const metricSeriesProjection = defineProjection<MeasurementRecorded, AppendOnlyList<Reading>>({
  name: 'metric-series',
  events: ['MeasurementRecorded'],
  keyOf: ({ data }) => metricSeriesKey(data.initiativeId, data.metricId),
  evolve(readings = AppendOnlyList.empty(), { data }) {
    const { periodStart, cohort, iteration, value } = data;
    return readings.append({ periodStart, cohort, iteration, value });
  },
});

/** Readings aggregated per period, cohort and iteration, ordered by period, then cohort, then iteration. */
export function metricPoints(readings: Iterable<Reading>): MetricPointView[] {
  const points = new Map<string, MetricPointView>();
  for (const { periodStart, cohort, iteration, value } of readings) {
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
