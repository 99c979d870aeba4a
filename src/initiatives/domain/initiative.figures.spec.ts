import { welchTTest } from '../../shared/statistics/welch';
import { InitiativeEvent } from './initiative.events';
import {
  cohortComparison,
  compareCohorts,
  elapsedShare,
  evidence,
  foldLatestPeriod,
  latestOfPeriod,
  latestValue,
  onTrack,
  progress,
} from './initiative.figures';
import { evolveInitiative, initialInitiativeState, Measurement } from './initiative.state';

const reading = (overrides: Partial<Measurement>): Measurement => ({
  metricId: 'm',
  iteration: 1,
  cohort: 'PILOT',
  participantId: null,
  periodStart: '2026-01-05',
  value: 0,
  ...overrides,
});

describe('latest value of a metric', () => {
  it('is the mean of the PILOT readings of the most recent period recorded', () => {
    const measurements = [
      reading({ periodStart: '2026-01-12', value: 14 }),
      reading({ periodStart: '2026-01-12', value: 18 }),
      reading({ periodStart: '2026-01-05', value: 100 }),
      reading({ periodStart: '2026-01-19', value: 99, cohort: 'CONTROL' }),
      reading({ periodStart: '2026-01-19', value: 99, metricId: 'other' }),
    ];
    expect(latestValue(measurements, 'm')).toBe(16);
  });

  it('treats a date and the same instant written in full as one period', () => {
    const measurements = [
      reading({ periodStart: '2026-01-12', value: 10 }),
      reading({ periodStart: '2026-01-12T00:00:00.000Z', value: 20 }),
    ];
    expect(latestValue(measurements, 'm')).toBe(15);
  });

  it('orders full instants by time, across years and with instants written otherwise', () => {
    const measurements = [
      reading({ periodStart: '2025-12-29T00:00:00.000Z', value: 1 }),
      reading({ periodStart: '2026-01-05T00:00:00.000Z', value: 7 }),
      reading({ periodStart: '2026-01-04T23:00:00-02:00', value: 3 }),
      reading({ periodStart: '2025-12-31T23:00:00.000Z', value: 2 }),
    ];
    // 2026-01-04T23:00-02:00 is 2026-01-05T01:00Z: the latest period.
    expect(latestValue(measurements, 'm')).toBe(3);
    expect(latestValue(measurements.slice(0, 2).concat(measurements[3]), 'm')).toBe(7);
  });

  it('is null before any PILOT reading', () => {
    expect(latestValue([reading({ cohort: 'CONTROL', value: 3 })], 'm')).toBeNull();
    expect(latestOfPeriod(null)).toBeNull();
  });

  it('folds reading by reading to the same answer, for projections', () => {
    const folded = [
      ['2026-01-12', 4],
      ['2026-01-19', 6],
      ['2026-01-05', 50],
      ['2026-01-19', 10],
    ].reduce(
      (latest, [periodStart, value]) => foldLatestPeriod(latest, periodStart as string, value as number),
      null as ReturnType<typeof foldLatestPeriod> | null,
    );
    expect(latestOfPeriod(folded)).toBe(8);
  });
});

describe('progress', () => {
  it('is (latest − baseline) ÷ (target − baseline), unclamped', () => {
    expect(progress({ baseline: 10, target: 20 }, 15)).toBe(0.5);
    expect(progress({ baseline: 10, target: 20 }, 25)).toBe(1.5);
    expect(progress({ baseline: 10, target: 20 }, 5)).toBe(-0.5);
    expect(progress({ baseline: 8, target: 4 }, 6)).toBe(0.5);
  });

  it('is null without a latest value', () => {
    expect(progress({ baseline: 10, target: 20 }, null)).toBeNull();
  });
});

describe('elapsed share and on track', () => {
  const iteration = { startedAt: '2026-01-01T00:00:00Z', plannedEndAt: '2026-01-11T00:00:00Z' };

  it('is the share of the planned window already past, between 0 and 1', () => {
    expect(elapsedShare(iteration, '2026-01-01T00:00:00Z')).toBe(0);
    expect(elapsedShare(iteration, '2026-01-04T00:00:00Z')).toBeCloseTo(0.3, 12);
    expect(elapsedShare(iteration, '2026-01-20T00:00:00Z')).toBe(1);
    expect(elapsedShare(iteration, '2025-12-20T00:00:00Z')).toBe(0);
  });

  it('is null when the window is not a real interval', () => {
    expect(elapsedShare({ startedAt: '2026-01-01', plannedEndAt: '2026-01-01' }, '2026-01-01')).toBeNull();
    expect(elapsedShare({ startedAt: 'soon', plannedEndAt: '2026-01-01' }, '2026-01-01')).toBeNull();
  });

  it('on track = progress ≥ elapsed share, null when either is unknown', () => {
    expect(onTrack(0.5, 0.3)).toBe(true);
    expect(onTrack(0.3, 0.3)).toBe(true);
    expect(onTrack(0.2, 0.3)).toBe(false);
    expect(onTrack(null, 0.3)).toBeNull();
    expect(onTrack(0.5, null)).toBeNull();
  });
});

describe('cohort comparison', () => {
  const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
  const measurements = [
    ...sleep1.map((value) => reading({ value })),
    ...sleep2.map((value) => reading({ value, cohort: 'CONTROL' })),
    reading({ value: 1000, iteration: 2 }),
    reading({ value: 1000, metricId: 'other' }),
  ];

  it("is Welch's t-test of PILOT − CONTROL for one metric in one iteration, rounded to 4 decimals (p to 4 digits)", () => {
    const comparison = cohortComparison(measurements, 'm', 1);
    const welch = welchTTest(sleep1, sleep2)!;
    expect(welch.difference).not.toBe(-1.58);
    expect(comparison).toEqual({
      metricId: 'm',
      iteration: 1,
      pilot: { n: 10, mean: 0.75, sd: 1.789 },
      control: { n: 10, mean: 2.33, sd: 2.0022 },
      difference: -1.58,
      ciLow: -3.3655,
      ciHigh: 0.2055,
      pValue: 0.07939,
    });
    expect(welch.ciLow).toBeCloseTo(-3.3654832, 6);
    expect(welch.pValue).toBeCloseTo(0.0793941, 6);
  });

  it('keeps a very small p-value visible', () => {
    const comparison = compareCohorts('m', 1, [20, 21, 20, 21, 20, 21], [10, 11, 10, 11, 10, 11]);
    expect(comparison.pValue).toBeGreaterThan(0);
    expect(comparison.pValue).toBeLessThan(0.0001);
    expect(String(comparison.pValue).replace(/^0\.0*|e-\d+$|\./g, '').length).toBeLessThanOrEqual(4);
  });

  it('leaves out difference, interval and p-value when a cohort has fewer than two readings', () => {
    const comparison = cohortComparison(
      [reading({ value: 3 }), reading({ value: 5 }), reading({ value: 1, cohort: 'CONTROL' })],
      'm',
      1,
    );
    expect(comparison).toEqual({
      metricId: 'm',
      iteration: 1,
      pilot: { n: 2, mean: 4, sd: 1.4142 },
      control: { n: 1, mean: 1, sd: null },
      difference: null,
      ciLow: null,
      ciHigh: null,
      pValue: null,
    });
  });

  it('has no mean for an empty cohort', () => {
    expect(cohortComparison([], 'm', 1)).toMatchObject({
      pilot: { n: 0, mean: null, sd: null },
      control: { n: 0, mean: null, sd: null },
    });
  });
});

describe('evidence', () => {
  const base: InitiativeEvent[] = [
    {
      type: 'InitiativeProposed',
      data: {
        initiativeId: 'i',
        teamId: 't',
        title: 't',
        problem: 'p',
        potentialReach: 1,
        proposedBy: 'd',
        proposedAt: '2026-01-01',
      },
    },
    { type: 'HypothesisStated', data: { initiativeId: 'i', statement: 'h' } },
    ...(['b', 'a'] as const).map(
      (metricId): InitiativeEvent => ({
        type: 'SuccessMetricDefined',
        data: {
          initiativeId: 'i',
          metricId,
          name: metricId.toUpperCase(),
          unit: 'u',
          direction: 'INCREASE',
          baseline: 0,
          target: 10,
          cadence: 'WEEKLY',
          source: 's',
          kind: metricId === 'b' ? 'PRIMARY' : 'GUARDRAIL',
          minimumEffect: null,
          maximumHarm: null,
          confidence: null,
          baselineSpread: null,
        },
      }),
    ),
    {
      type: 'PilotLaunched',
      data: { initiativeId: 'i', ownerId: 'o', participantIds: ['p'], controlIds: ['c'], launchedAt: '2026-01-02' },
    },
    {
      type: 'IterationStarted',
      data: { initiativeId: 'i', number: 1, change: 'c', startedAt: '2026-01-02', plannedEndAt: '2026-01-09' },
    },
  ];
  const measured = (metricId: string, value: number, cohort: 'PILOT' | 'CONTROL', iteration = 1): InitiativeEvent => ({
    type: 'MeasurementRecorded',
    data: {
      initiativeId: 'i',
      metricId,
      iteration,
      value,
      periodStart: '2026-01-05',
      cohort,
      participantId: null,
      recordedAt: '2026-01-05',
    },
  });
  const fold = (events: InitiativeEvent[]) => events.reduce(evolveInitiative, initialInitiativeState);

  it('lists every metric in definition order, without comparison before a completed iteration', () => {
    expect(evidence(fold([...base, measured('b', 4, 'PILOT')]))).toEqual([
      { metricId: 'b', name: 'B', baseline: 0, target: 10, latest: 4, progress: 0.4, comparison: null },
      { metricId: 'a', name: 'A', baseline: 0, target: 10, latest: null, progress: null, comparison: null },
    ]);
  });

  it('compares the cohorts of the last completed iteration', () => {
    const events = [
      ...base,
      measured('b', 4, 'PILOT'),
      measured('b', 6, 'PILOT'),
      measured('b', 1, 'CONTROL'),
      measured('b', 3, 'CONTROL'),
      {
        type: 'IterationCompleted',
        data: { initiativeId: 'i', number: 1, outcome: 'VALIDATED', learnings: 'l', completedAt: '2026-01-09' },
      },
    ] satisfies InitiativeEvent[];
    const [b, a] = evidence(fold(events));
    expect(b.comparison).toMatchObject({ metricId: 'b', iteration: 1, difference: 3, pilot: { n: 2, mean: 5 } });
    expect(a.comparison).toMatchObject({
      metricId: 'a',
      iteration: 1,
      pilot: { n: 0 },
      control: { n: 0 },
      difference: null,
    });
  });

  it('is empty for an initiative that does not exist', () => {
    expect(evidence(initialInitiativeState)).toEqual([]);
  });
});
