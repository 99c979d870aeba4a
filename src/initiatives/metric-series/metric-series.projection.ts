import { Projection } from '../../shared/projections/projection';
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

export const metricSeriesKey = (initiativeId: string, metricId: string) => `${initiativeId}/${metricId}`;

/** Readings of one metric aggregated per period, cohort and iteration, in time order. */
export const metricSeriesProjection: Projection<readonly MetricPointView[]> = {
  name: 'metric-series',
  keysOf: (event) => {
    if (event.type !== 'MeasurementRecorded') return [];
    const d = event.data as MeasurementRecorded['data'];
    return [metricSeriesKey(d.initiativeId, d.metricId)];
  },
  evolve(points = [], recorded) {
    const { periodStart, cohort, iteration, value } = recorded.data as MeasurementRecorded['data'];
    const index = points.findIndex(
      (p) => p.periodStart === periodStart && p.cohort === cohort && p.iteration === iteration,
    );
    if (index >= 0) {
      const p = points[index];
      const updated = {
        ...p,
        n: p.n + 1,
        sum: p.sum + value,
        min: Math.min(p.min, value),
        max: Math.max(p.max, value),
      };
      return points.map((point, i) => (i === index ? updated : point));
    }
    const point = { periodStart, cohort, iteration, n: 1, sum: value, min: value, max: value };
    const at = points.findIndex(
      (p) =>
        p.periodStart > periodStart ||
        (p.periodStart === periodStart && p.cohort > cohort) ||
        (p.periodStart === periodStart && p.cohort === cohort && p.iteration > iteration),
    );
    return at < 0 ? [...points, point] : [...points.slice(0, at), point, ...points.slice(at)];
  },
};
