import { RecordedEvent } from '../../shared/event-store/event-store.port';
import { ProjectionSet } from '../../shared/projections/projection';
import { eventMetadata } from '../../shared/testing/metadata';
import { metricPoints, metricSeriesKey, metricSeriesProjection } from './metric-series.projection';

let revision = 0;
const reading = (
  periodStart: string,
  cohort: 'PILOT' | 'CONTROL',
  iteration: number,
  value: number,
): RecordedEvent => ({
  id: `e-${revision}`,
  streamId: 'initiative-i',
  revision: revision++,
  type: 'MeasurementRecorded',
  data: { initiativeId: 'i', metricId: 'm', periodStart, cohort, iteration, value, participantId: 'p' },
  metadata: eventMetadata(),
  position: String(revision),
});

describe('metric series', () => {
  it('aggregates readings per period, cohort and iteration, oldest period first, whatever the order of arrival', () => {
    const events = [
      reading('2026-01-19T00:00:00.000Z', 'PILOT', 2, 15),
      reading('2026-01-12T00:00:00.000Z', 'PILOT', 1, 11),
      reading('2026-01-12T00:00:00.000Z', 'CONTROL', 1, 10),
      reading('2026-01-12T00:00:00.000Z', 'PILOT', 1, 13),
      reading('2026-01-12T00:00:00.000Z', 'CONTROL', 1, 12),
      reading('2026-01-12T00:00:00.000Z', 'PILOT', 1, 9),
    ];
    const views = ProjectionSet.fold([metricSeriesProjection], events).of(metricSeriesProjection);
    expect(metricPoints(views.get(metricSeriesKey('i', 'm'))!)).toEqual([
      { periodStart: '2026-01-12T00:00:00.000Z', cohort: 'CONTROL', iteration: 1, n: 2, sum: 22, min: 10, max: 12 },
      { periodStart: '2026-01-12T00:00:00.000Z', cohort: 'PILOT', iteration: 1, n: 3, sum: 33, min: 9, max: 13 },
      { periodStart: '2026-01-19T00:00:00.000Z', cohort: 'PILOT', iteration: 2, n: 1, sum: 15, min: 15, max: 15 },
    ]);
  });

  it('leaves the view of an earlier instant as it was when later readings arrive', () => {
    const first = metricSeriesProjection.evolve(undefined, reading('2026-01-12T00:00:00.000Z', 'PILOT', 1, 11));
    const second = metricSeriesProjection.evolve(first, reading('2026-01-12T00:00:00.000Z', 'PILOT', 1, 13));
    expect(metricPoints(first)).toEqual([expect.objectContaining({ n: 1, sum: 11 })]);
    expect(metricPoints(second)).toEqual([expect.objectContaining({ n: 2, sum: 24 })]);
  });
});
