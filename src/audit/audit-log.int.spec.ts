import { pilotlogEventStore } from '../event-catalog';
import { InitiativeEvent, MetricEvidence } from '../initiatives/domain/initiative.events';
import { evidence } from '../initiatives/domain/initiative.figures';
import { evolveInitiative, initialInitiativeState } from '../initiatives/domain/initiative.state';
import { SqliteEventStore } from '../shared/event-store/sqlite/sqlite-event-store';
import { sampleSd, welchTTest } from '../shared/statistics/welch';
import { replayDecision } from './audit-log';

/**
 * A stream written by a release from before decision rules: events at their first schema
 * versions, and a decision whose evidence counted every reading on its own. Replaying it today
 * must still find the evidence it froze.
 */
describe('replaying a decision recorded before decision rules existed', () => {
  const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T09:00:00.000Z`;
  const data = {
    proposed: {
      initiativeId: 'old',
      teamId: 'gone',
      title: 'Old pilot',
      problem: 'p',
      potentialReach: 4,
      proposedBy: 'dana',
      proposedAt: at(1),
    },
    metric: {
      initiativeId: 'old',
      metricId: 'engaged',
      name: 'Engaged',
      unit: 'customers',
      direction: 'INCREASE',
      baseline: 10,
      target: 15,
      cadence: 'WEEKLY',
      source: 'CRM',
    },
  };
  // p1 read twice in the iteration: counted on their own then, as one person now.
  const readings: Array<[string, 'PILOT' | 'CONTROL', number]> = [
    ['p1', 'PILOT', 14],
    ['p1', 'PILOT', 18],
    ['p2', 'PILOT', 16],
    ['c1', 'CONTROL', 11],
    ['c2', 'CONTROL', 9],
  ];
  const before: Array<{ type: string; data: Record<string, unknown> }> = [
    { type: 'InitiativeProposed', data: data.proposed },
    { type: 'HypothesisStated', data: { initiativeId: 'old', statement: 'h' } },
    { type: 'SuccessMetricDefined', data: data.metric },
    {
      type: 'PilotLaunched',
      data: {
        initiativeId: 'old',
        ownerId: 'm',
        participantIds: ['p1', 'p2'],
        controlIds: ['c1', 'c2'],
        launchedAt: at(2),
      },
    },
    {
      type: 'IterationStarted',
      data: { initiativeId: 'old', number: 1, change: 'c', startedAt: at(3), plannedEndAt: at(20) },
    },
    ...readings.map(([participantId, cohort, value]) => ({
      type: 'MeasurementRecorded',
      data: {
        initiativeId: 'old',
        metricId: 'engaged',
        iteration: 1,
        value,
        periodStart: '2026-01-05',
        cohort,
        participantId,
        recordedAt: at(6),
      },
    })),
    {
      type: 'IterationCompleted',
      data: { initiativeId: 'old', number: 1, outcome: 'VALIDATED', learnings: 'l', completedAt: at(20) },
    },
  ];

  it('recomputes the figures of evidence version 1 and finds them equal', async () => {
    const store = pilotlogEventStore(new SqliteEventStore({ filename: ':memory:' }));
    // The release of the time computed this evidence: every reading a unit, Welch only.
    const upcastState = before
      .map((e) =>
        e.type === 'SuccessMetricDefined'
          ? {
              ...e,
              data: {
                ...e.data,
                kind: 'PRIMARY',
                minimumEffect: null,
                maximumHarm: null,
                confidence: null,
                baselineSpread: null,
              },
            }
          : e,
      )
      .reduce((state, e) => evolveInitiative(state, e as InitiativeEvent), initialInitiativeState);
    const frozen = evidence(upcastState, 1);
    expect(frozen[0].comparison).toMatchObject({ pilot: { n: 3, mean: 16 }, control: { n: 2, mean: 10, sd: 1.4142 } });
    expect(frozen[0].comparison).not.toHaveProperty('permutationPValue');
    // That release stored its figures unrounded.
    const welch = welchTTest([14, 18, 16], [11, 9])!;
    const stored: MetricEvidence[] = [
      {
        ...frozen[0],
        comparison: {
          ...frozen[0].comparison!,
          pilot: { n: 3, mean: 16, sd: sampleSd([14, 18, 16]) },
          control: { n: 2, mean: 10, sd: sampleSd([11, 9]) },
          difference: welch.difference,
          ciLow: welch.ciLow,
          ciHigh: welch.ciHigh,
          pValue: welch.pValue,
        },
      },
    ];
    expect(stored).not.toEqual(frozen);
    // Today's figures differ on this stream, so a replay with them would not match.
    expect(evidence(upcastState)[0].comparison).toMatchObject({ pilot: { n: 2, mean: 16, readings: 3 } });

    const decisionV1 = {
      initiativeId: 'old',
      decisionId: 'old-d1',
      kind: 'SCALE',
      rationale: 'Worked',
      decidedBy: 'dana',
      decidedAt: at(21),
      iteration: 1,
      evidence: stored,
    };
    const events = [...before, { type: 'DecisionRecorded', data: decisionV1 }];
    await store.append(
      'initiative-old',
      events.map((e, i) => ({
        id: `old-${i}`,
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: {
          actor: 'dana',
          commandId: `c-${i}`,
          correlationId: `c-${i}`,
          causationId: `c-${i}`,
          occurredAt: at(Math.min(1 + i, 21)),
          schemaVersion: 1,
        },
      })),
      'no_stream',
    );

    const replay = (await replayDecision(store, { id: 'old-d1', initiativeId: 'old', revision: events.length - 1 }))!;
    expect(replay.decision).toMatchObject({ evidenceVersion: 1, rule: null, recommendation: null, followsRule: null });
    expect(replay.decision.evidence).toEqual(frozen);
    expect(replay.recomputedEvidence).toEqual(frozen);
    expect(replay.recomputedRule).toBeNull();
    expect(replay.recomputedRecommendation).toBeNull();
    expect(replay.evidenceMatches).toBe(true);
  });
});
