import { AppendOnlyList } from '../../shared/domain/append-only-list';
import { defineProjection } from '../../shared/projections/projection';
import { MeasurementRecorded } from '../domain/initiative.events';
import { Measurement } from '../domain/initiative.state';

/**
 * Every reading of an initiative, in the order recorded, with its person and period: what the
 * cohort comparison, the recommendation and the design check are computed from, by the same
 * domain functions a decision uses.
 */
export const initiativeReadingsProjection = defineProjection<MeasurementRecorded, AppendOnlyList<Measurement>>({
  name: 'initiative-readings',
  events: ['MeasurementRecorded'],
  keyOf: ({ data }) => data.initiativeId,
  evolve(readings = AppendOnlyList.empty(), { data }) {
    const { metricId, iteration, cohort, participantId, periodStart, value } = data;
    return readings.append({ metricId, iteration, cohort, participantId, periodStart, value });
  },
});
