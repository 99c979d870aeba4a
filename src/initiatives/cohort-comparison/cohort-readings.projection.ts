import { AppendOnlyList } from '../../shared/domain/append-only-list';
import { Projection } from '../../shared/projections/projection';
import { MeasurementRecorded } from '../domain/initiative.events';

export interface CohortReadings {
  pilot: AppendOnlyList<number>;
  control: AppendOnlyList<number>;
}

export const cohortReadingsKey = (initiativeId: string, metricId: string, iteration: number) =>
  `${initiativeId}/${metricId}/${iteration}`;

const NO_READINGS: CohortReadings = { pilot: AppendOnlyList.empty(), control: AppendOnlyList.empty() };

/** The raw readings per cohort of one metric in one iteration: the input of Welch's test. */
export const cohortReadingsProjection: Projection<CohortReadings> = {
  name: 'cohort-readings',
  keysOf: (event) => {
    if (event.type !== 'MeasurementRecorded') return [];
    const d = event.data as MeasurementRecorded['data'];
    return [cohortReadingsKey(d.initiativeId, d.metricId, d.iteration)];
  },
  evolve(readings = NO_READINGS, recorded) {
    const { cohort, value } = recorded.data as MeasurementRecorded['data'];
    return cohort === 'PILOT'
      ? { ...readings, pilot: readings.pilot.append(value) }
      : { ...readings, control: readings.control.append(value) };
  },
};
