import { AppendOnlyList } from '../../shared/domain/append-only-list';
import { defineProjection } from '../../shared/projections/projection';
import { MeasurementRecorded } from '../domain/initiative.events';

export interface CohortReadings {
  pilot: AppendOnlyList<number>;
  control: AppendOnlyList<number>;
}

export const cohortReadingsKey = (initiativeId: string, metricId: string, iteration: number) =>
  `${initiativeId}/${metricId}/${iteration}`;

const NO_READINGS: CohortReadings = { pilot: AppendOnlyList.empty(), control: AppendOnlyList.empty() };

/** The raw readings per cohort of one metric in one iteration: the input of Welch's test. */
export const cohortReadingsProjection = defineProjection<MeasurementRecorded, CohortReadings>({
  name: 'cohort-readings',
  events: ['MeasurementRecorded'],
  keyOf: ({ data }) => cohortReadingsKey(data.initiativeId, data.metricId, data.iteration),
  evolve(readings = NO_READINGS, { data }) {
    return data.cohort === 'PILOT'
      ? { ...readings, pilot: readings.pilot.append(data.value) }
      : { ...readings, control: readings.control.append(data.value) };
  },
});
