import { RecordedEvent } from '../../shared/event-store/event-store.port';
import { ProjectionSet } from '../../shared/projections/projection';
import { eventMetadata } from '../../shared/testing/metadata';
import { initiativeReadingsProjection } from '../initiative-details/initiative-readings.projection';
import { metricPoints } from './metric-points';

let revision = 0;
const reading = (
  periodStart: string,
  cohort: 'PILOT' | 'CONTROL',
  iteration: number,
  value: number,
  metricId = 'm',
): RecordedEvent => ({
  id: `e-${revision}`,
  streamId: 'initiative-i',
  revision: revision++,
  type: 'MeasurementRecorded',
  data: { initiativeId: 'i', metricId, periodStart, cohort, iteration, value, participantId: 'p' },
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
      reading('2026-01-12T00:00:00.000Z', 'PILOT', 1, 1000, 'another-metric'),
    ];
    const views = ProjectionSet.fold([initiativeReadingsProjection], events).of(initiativeReadingsProjection);
    expect(metricPoints(views.get('i')!, 'm')).toEqual([
      { periodStart: '2026-01-12T00:00:00.000Z', cohort: 'CONTROL', iteration: 1, n: 2, sum: 22, min: 10, max: 12 },
      { periodStart: '2026-01-12T00:00:00.000Z', cohort: 'PILOT', iteration: 1, n: 3, sum: 33, min: 9, max: 13 },
      { periodStart: '2026-01-19T00:00:00.000Z', cohort: 'PILOT', iteration: 2, n: 1, sum: 15, min: 15, max: 15 },
    ]);
  });

  it('leaves the view of an earlier instant as it was when later readings arrive', () => {
    const first = initiativeReadingsProjection.evolve(undefined, reading('2026-01-12T00:00:00.000Z', 'PILOT', 1, 11));
    const second = initiativeReadingsProjection.evolve(first, reading('2026-01-12T00:00:00.000Z', 'PILOT', 1, 13));
    expect(metricPoints(first, 'm')).toEqual([expect.objectContaining({ n: 1, sum: 11 })]);
    expect(metricPoints(second, 'm')).toEqual([expect.objectContaining({ n: 2, sum: 24 })]);
  });
});
