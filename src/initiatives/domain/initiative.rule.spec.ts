import { deciderSpec } from '../../shared/testing/decider';
import { TeamSnapshot } from '../../teams/domain/team.state';
import { decideInitiative, DefineSuccessMetric, InitiativeCommand, RecordDecision } from './initiative.decide';
import { DecisionRecorded, InitiativeEvent, MetricDirection, MetricKind } from './initiative.events';
import { evidence } from './initiative.figures';
import { recommendationFor } from './initiative.recommendation';
import { evolveInitiative, initialInitiativeState, InitiativeState } from './initiative.state';

const { given } = deciderSpec<InitiativeCommand, InitiativeState, InitiativeEvent>({
  initialState: initialInitiativeState,
  evolve: evolveInitiative,
  decide: decideInitiative,
});

const LAUNCH = '2026-01-07T09:00:00.000Z';
const PILOT = ['p1', 'p2', 'p3', 'p4'];
const CONTROL = ['c1', 'c2', 'c3', 'c4'];
const team: TeamSnapshot = {
  teamId: 'sales',
  headcount: 9,
  impactThreshold: 0.5,
  paralysisLimitDays: 21,
  members: new Map([['dora', 'DIRECTOR'], ['maria', 'MANAGER'], ...[...PILOT, ...CONTROL].map((id) => [id, 'IC'])] as [
    string,
    'DIRECTOR' | 'MANAGER' | 'IC',
  ][]),
};

const metric = (overrides: Partial<DefineSuccessMetric> = {}): DefineSuccessMetric => ({
  type: 'DefineSuccessMetric',
  metricId: 'engaged',
  name: 'Customers engaged',
  unit: 'customers',
  direction: 'INCREASE' as MetricDirection,
  baseline: 10,
  target: 15,
  cadence: 'WEEKLY',
  source: 'CRM',
  kind: 'PRIMARY' as MetricKind,
  now: '2026-01-05T09:00:00.000Z',
  ...overrides,
});
const complaints = (overrides: Partial<DefineSuccessMetric> = {}) =>
  metric({
    metricId: 'complaints',
    name: 'Complaints',
    unit: 'complaints',
    direction: 'DECREASE',
    baseline: 2,
    target: 1,
    kind: 'GUARDRAIL',
    ...overrides,
  });

/** The events the commands decide, one after the other: a history written as a user would write it. */
function history(commands: InitiativeCommand[]): InitiativeEvent[] {
  const events: InitiativeEvent[] = [];
  let state = initialInitiativeState;
  for (const command of commands) {
    const decided = decideInitiative(command, state);
    events.push(...decided);
    state = decided.reduce(evolveInitiative, state);
  }
  return events;
}

const readings = (metricId: string, cohort: 'PILOT' | 'CONTROL', values: number[], periodStart = '2026-01-12') =>
  values.map(
    (value, i): InitiativeCommand => ({
      type: 'RecordMeasurement',
      metricId,
      value,
      periodStart,
      cohort,
      participantId: (cohort === 'PILOT' ? PILOT : CONTROL)[i],
      now: '2026-01-15T09:00:00.000Z',
    }),
  );

/** An initiative launched with these metrics and one completed iteration with these readings. */
function afterIteration(
  metrics: DefineSuccessMetric[],
  measured: Record<string, [number[], number[]]>,
  cohorts: { pilot: string[]; control: string[] } = { pilot: PILOT, control: CONTROL },
  moreReadings: InitiativeCommand[] = [],
): InitiativeEvent[] {
  return history([
    {
      type: 'ProposeInitiative',
      initiativeId: 'i',
      team,
      title: 'Prospect on LinkedIn',
      problem: 'Cold e-mail is dying',
      potentialReach: 8,
      actor: 'dora',
      now: '2026-01-05T09:00:00.000Z',
    },
    { type: 'StateHypothesis', statement: 'We believe LinkedIn engages more customers', now: LAUNCH },
    ...metrics,
    {
      type: 'LaunchPilot',
      team,
      ownerId: 'maria',
      participantIds: cohorts.pilot,
      controlIds: cohorts.control,
      now: LAUNCH,
    },
    { type: 'StartIteration', change: 'Connection requests', plannedEndAt: '2026-01-21T09:00:00.000Z', now: LAUNCH },
    ...Object.entries(measured).flatMap(([metricId, [pilot, control]]) => [
      ...readings(metricId, 'PILOT', pilot),
      ...readings(metricId, 'CONTROL', control),
    ]),
    ...moreReadings,
    {
      type: 'CompleteIteration',
      outcome: 'VALIDATED',
      learnings: 'It works',
      now: '2026-01-21T09:00:00.000Z',
    },
  ]);
}

const decide = (overrides: Partial<RecordDecision> = {}): RecordDecision => ({
  type: 'RecordDecision',
  decisionId: 'd1',
  kind: 'SCALE',
  rationale: 'The pilot beat the control',
  revisedHypothesis: null,
  actor: 'dora',
  now: '2026-01-22T09:00:00.000Z',
  ...overrides,
});

const fold = (events: InitiativeEvent[]) => events.reduce(evolveInitiative, initialInitiativeState);
const recommendationAfter = (events: InitiativeEvent[]) =>
  recommendationFor(fold(events) as Parameters<typeof recommendationFor>[0], 1);

const CLEAR_WIN: [number[], number[]] = [
  [15, 16, 14, 17],
  [10, 11, 9, 10],
];
const BARELY_MOVED: [number[], number[]] = [
  [11, 12, 10, 13],
  [10, 12, 11, 11],
];

describe('defining the decision rule with a metric', () => {
  it('stores the minimum effect and confidence of a primary metric, and the maximum harm of a guardrail', () => {
    const events = history([
      {
        type: 'ProposeInitiative',
        initiativeId: 'i',
        team,
        title: 't',
        problem: 'p',
        potentialReach: 2,
        actor: 'dora',
        now: LAUNCH,
      },
    ]);
    given(events)
      .when(metric({ minimumEffect: 2, confidence: 0.9 }))
      .then([
        {
          type: 'SuccessMetricDefined',
          data: {
            initiativeId: 'i',
            metricId: 'engaged',
            name: 'Customers engaged',
            unit: 'customers',
            direction: 'INCREASE',
            baseline: 10,
            target: 15,
            cadence: 'WEEKLY',
            source: 'CRM',
            kind: 'PRIMARY',
            minimumEffect: 2,
            maximumHarm: null,
            confidence: 0.9,
            baselineSpread: null,
          },
        },
      ]);
    expect(
      given(events)
        .when(complaints({ maximumHarm: 0.5 }))
        .events()[0].data,
    ).toMatchObject({
      maximumHarm: 0.5,
      minimumEffect: null,
      confidence: null,
    });
  });

  const proposal = () =>
    history([
      {
        type: 'ProposeInitiative',
        initiativeId: 'i',
        team,
        title: 't',
        problem: 'p',
        potentialReach: 2,
        actor: 'dora',
        now: LAUNCH,
      },
    ]);

  it('MinimumEffectOnlyForPrimary: a guardrail states a maximum harm, not a minimum effect', () => {
    given(proposal())
      .when(complaints({ minimumEffect: 1 }))
      .thenThrows('MinimumEffectOnlyForPrimary', 'minimumEffect');
  });

  it('MaximumHarmOnlyForGuardrail: a primary metric states a minimum effect, not a maximum harm', () => {
    given(proposal())
      .when(metric({ maximumHarm: 1 }))
      .thenThrows('MaximumHarmOnlyForGuardrail', 'maximumHarm');
  });

  it.each([-0.5, Number.NaN, Infinity])('MinimumEffectOutOfRange: %s', (minimumEffect) => {
    given(proposal()).when(metric({ minimumEffect })).thenThrows('MinimumEffectOutOfRange', 'minimumEffect');
  });

  it.each([-1, Number.NaN])('MaximumHarmOutOfRange: %s', (maximumHarm) => {
    given(proposal()).when(complaints({ maximumHarm })).thenThrows('MaximumHarmOutOfRange', 'maximumHarm');
  });

  it.each([0.49, 0.9991, 1, Number.NaN])('ConfidenceOutOfRange: %s is outside 0.5–0.999', (confidence) => {
    given(proposal()).when(metric({ confidence })).thenThrows('ConfidenceOutOfRange', 'confidence');
  });

  it.each([0.5, 0.999])('accepts a confidence of %s, at the bounds', (confidence) => {
    expect(given(proposal()).when(metric({ confidence })).events()[0].data).toMatchObject({ confidence });
  });

  it.each([0, -2, Infinity])('BaselineSpreadOutOfRange: %s', (baselineSpread) => {
    given(proposal()).when(metric({ baselineSpread })).thenThrows('BaselineSpreadOutOfRange', 'baselineSpread');
  });
});

describe('the recommendation of a completed iteration', () => {
  it('is null without a rule, and a decision then neither follows nor overrides one', () => {
    const events = afterIteration([metric()], { engaged: CLEAR_WIN });
    expect(recommendationAfter(events)).toBeNull();
    const [decided] = given(events)
      .when(decide({ kind: 'PERSEVERE', rationale: 'ok' }))
      .events() as [DecisionRecorded];
    expect(decided.data).toMatchObject({ rule: null, recommendation: null, followsRule: null, evidenceVersion: 2 });
  });

  it('SCALE when every primary metric meets its minimum effect at its confidence', () => {
    const recommendation = recommendationAfter(afterIteration([metric({ minimumEffect: 2 })], { engaged: CLEAR_WIN }))!;
    expect(recommendation.kind).toBe('SCALE');
    expect(recommendation.reasons).toEqual([
      'SCALE: every primary metric meets its minimum effect and every guardrail stays within its maximum harm.',
      'Customers engaged: the pilot did better than the control by 5.5 customers; at least the minimum effect of 2 customers holds at 95% confidence (permutation p = 0.029, 4 vs 4 people).',
    ]);
  });

  it('PERSEVERE when the evidence does not settle the minimum effect', () => {
    const recommendation = recommendationAfter(
      afterIteration([metric({ minimumEffect: 2 })], { engaged: BARELY_MOVED }),
    )!;
    expect(recommendation.kind).toBe('PERSEVERE');
    expect(recommendation.reasons[1]).toMatch(
      /^Customers engaged: the pilot did better than the control by 0.5 customers; whether that reaches the minimum effect of 2 customers is not settled at 95% confidence/,
    );
  });

  it('PIVOT when a primary metric is confidently below its minimum effect', () => {
    const recommendation = recommendationAfter(
      afterIteration([metric({ minimumEffect: 5 })], {
        engaged: [
          [11, 11.2, 11.1, 10.9],
          [10, 10.1, 9.9, 10.0],
        ],
      }),
    )!;
    expect(recommendation.kind).toBe('PIVOT');
    expect(recommendation.reasons[1]).toContain('less than the minimum effect of 5 customers at 95% confidence');
  });

  it('STOP when a primary metric is confidently worse than the control', () => {
    const recommendation = recommendationAfter(
      afterIteration([metric({ minimumEffect: 1 })], {
        engaged: [
          [5, 6, 5.5, 6.5],
          [10, 11, 10.5, 11.5],
        ],
      }),
    )!;
    expect(recommendation.kind).toBe('STOP');
    expect(recommendation.reasons[1]).toContain('did worse than the control by 5 customers, at 95% confidence');
  });

  it('STOP when a guardrail is confidently past its maximum harm, however well the primary metric did', () => {
    const recommendation = recommendationAfter(
      afterIteration([metric({ minimumEffect: 2 }), complaints({ maximumHarm: 1 })], {
        engaged: CLEAR_WIN,
        complaints: [
          [5, 6, 5, 6],
          [1, 2, 1, 2],
        ],
      }),
    )!;
    expect(recommendation.kind).toBe('STOP');
    expect(recommendation.reasons[2]).toBe(
      'Complaints (guardrail): the pilot did worse than the control by 4 complaints, more than the maximum harm of 1 complaints at 95% confidence (permutation p = 0.029, 4 vs 4 people).',
    );
  });

  it('PERSEVERE, not SCALE, while a guardrail is past its maximum harm without confidence', () => {
    const recommendation = recommendationAfter(
      afterIteration([metric({ minimumEffect: 2 }), complaints({ maximumHarm: 0.5 })], {
        engaged: CLEAR_WIN,
        complaints: [
          [2, 3, 1, 2],
          [1, 2, 1, 1],
        ],
      }),
    )!;
    expect(recommendation.kind).toBe('PERSEVERE');
    expect(recommendation.reasons[2]).toContain(
      'more than the maximum harm of 0.5 complaints, though not at 95% confidence',
    );
  });

  it('judges a guardrail within its maximum harm, and leaves a guardrail without a rule alone', () => {
    const recommendation = recommendationAfter(
      afterIteration(
        [metric({ minimumEffect: 2 }), complaints({ maximumHarm: 2 }), complaints({ metricId: 'nps', name: 'NPS' })],
        {
          engaged: CLEAR_WIN,
          complaints: [
            [1, 2, 1, 2],
            [1, 2, 1, 1],
          ],
        },
      ),
    )!;
    expect(recommendation.kind).toBe('SCALE');
    expect(recommendation.reasons).toHaveLength(3);
    expect(recommendation.reasons[2]).toBe(
      'Complaints (guardrail): the pilot did worse than the control by 0.25 complaints, within the maximum harm of 2 complaints.',
    );
  });

  it('PERSEVERE when a cohort has no readings, saying which', () => {
    const recommendation = recommendationAfter(
      afterIteration([metric({ minimumEffect: 2 })], { engaged: [[15, 16, 14, 17], []] }),
    )!;
    expect(recommendation).toEqual({
      kind: 'PERSEVERE',
      reasons: [
        'PERSEVERE: the evidence does not settle the rule yet; run another iteration.',
        'Customers engaged: no control readings in iteration 1, so the rule cannot judge it.',
      ],
    });
  });

  it('says when the cohorts are too small to ever reach the confidence asked for', () => {
    const events = afterIteration(
      [metric({ minimumEffect: 2 })],
      {
        engaged: [
          [15, 16, 14],
          [10, 11, 9],
        ],
      },
      { pilot: PILOT.slice(0, 3), control: CONTROL.slice(0, 3) },
    );
    const recommendation = recommendationAfter(events)!;
    expect(recommendation.kind).toBe('PERSEVERE');
    expect(recommendation.reasons[1]).toContain(
      'with 3 vs 3 people no result can reach 95% confidence: the smallest possible p-value is 0.1',
    );
  });

  it('asks only the confidence the rule states: 3 vs 3 people can show 90%', () => {
    const events = afterIteration(
      [metric({ minimumEffect: 2, confidence: 0.9 })],
      {
        engaged: [
          [15, 16, 14],
          [10, 11, 9],
        ],
      },
      { pilot: PILOT.slice(0, 3), control: CONTROL.slice(0, 3) },
    );
    expect(recommendationAfter(events)!.kind).toBe('SCALE');
  });

  it('counts the readings of one person in one iteration as one unit, their mean', () => {
    // p1 reads 40 once more in the same iteration: still one person, whose mean becomes 27.5.
    const events = afterIteration([metric({ minimumEffect: 2 })], { engaged: CLEAR_WIN }, undefined, [
      ...readings('engaged', 'PILOT', [40]),
    ]);
    const [engaged] = evidence(fold(events));
    expect(engaged.comparison).toMatchObject({
      pilot: { n: 4, readings: 5, mean: (27.5 + 16 + 14 + 17) / 4 },
      control: { n: 4, readings: 4, mean: 10 },
    });
    expect(evidence(fold(events), 1)[0].comparison).toMatchObject({ pilot: { n: 5 } });
  });

  it('leaves readings of periods before the launch out of the iteration, and adjusts for them', () => {
    const baselines = [
      ...readings('engaged', 'PILOT', [12, 14, 11, 15], '2025-12-29'),
      ...readings('engaged', 'CONTROL', [9, 10, 8, 9], '2025-12-29'),
    ];
    const events = afterIteration([metric({ minimumEffect: 2 })], { engaged: CLEAR_WIN }, undefined, baselines);
    const [engaged] = evidence(fold(events));
    expect(engaged.comparison).toMatchObject({ pilot: { n: 4, readings: 4, mean: 15.5 }, difference: 5.5 });
    expect(engaged.comparison!.baselineAdjustedDifference).not.toBeNull();
    expect(engaged.comparison!.baselineAdjustedDifference!).toBeLessThan(5.5);
    expect(engaged.comparison!.baselineAdjustedCiLow!).toBeLessThan(engaged.comparison!.baselineAdjustedDifference!);
  });
});

describe('recording a decision under a rule', () => {
  const ruled = () => afterIteration([metric({ minimumEffect: 2 })], { engaged: CLEAR_WIN });

  it('freezes the rule and the recommendation, and records that the decision follows it', () => {
    const [decided] = given(ruled()).when(decide()).events() as [DecisionRecorded];
    expect(decided.data).toMatchObject({
      kind: 'SCALE',
      evidenceVersion: 2,
      followsRule: true,
      rule: {
        version: 1,
        since: LAUNCH,
        decisionId: null,
        metrics: [{ metricId: 'engaged', kind: 'PRIMARY', minimumEffect: 2, maximumHarm: null, confidence: null }],
      },
      recommendation: { kind: 'SCALE', reasons: expect.arrayContaining([expect.stringContaining('95%')]) },
    });
    // 2 / 70, to 4 significant digits.
    expect(decided.data.evidence[0].comparison).toMatchObject({
      permutationPValue: 0.02857,
      permutationMethod: 'EXACT',
      permutations: 70,
    });
  });

  it('OverrideNeedsRationale: deciding otherwise than the rule needs at least 20 characters of why', () => {
    given(ruled())
      .when(decide({ kind: 'PERSEVERE', rationale: 'Not sure yet' }))
      .thenThrows('OverrideNeedsRationale', 'rationale');
  });

  it('records an override with its rationale as not following the rule', () => {
    const [decided] = given(ruled())
      .when(decide({ kind: 'PERSEVERE', rationale: 'Holiday weeks inflate these numbers' }))
      .events() as [DecisionRecorded];
    expect(decided.data).toMatchObject({
      kind: 'PERSEVERE',
      followsRule: false,
      recommendation: { kind: 'SCALE' },
    });
  });

  it('RuleRestatedOnlyByPivot: only a PIVOT restates the rule', () => {
    given(ruled())
      .when(decide({ revisedRule: [{ metricId: 'engaged', minimumEffect: 1 }] }))
      .thenThrows('RuleRestatedOnlyByPivot', 'revisedRule');
  });

  const pivot = (revisedRule: RecordDecision['revisedRule']) =>
    decide({
      kind: 'PIVOT',
      rationale: 'Voice notes instead of requests, judged on a smaller effect',
      revisedHypothesis: 'We believe voice notes engage more customers',
      revisedRule,
    });

  it('a PIVOT restates the rule as a new version, which judges the next iteration', () => {
    const events = given(ruled())
      .when(pivot([{ metricId: 'engaged', minimumEffect: 1, confidence: 0.9 }]))
      .events();
    expect(events.map((e) => e.type)).toEqual(['DecisionRecorded', 'HypothesisRevised', 'DecisionRuleRestated']);
    expect(events[2].data).toEqual({
      initiativeId: 'i',
      decisionId: 'd1',
      rule: {
        version: 2,
        since: '2026-01-22T09:00:00.000Z',
        decisionId: 'd1',
        metrics: [{ metricId: 'engaged', kind: 'PRIMARY', minimumEffect: 1, maximumHarm: null, confidence: 0.9 }],
      },
    });
    const state = fold([...ruled(), ...events]);
    const afterStart = decideInitiative(
      {
        type: 'StartIteration',
        change: 'Voice notes',
        plannedEndAt: '2026-02-10T09:00:00.000Z',
        now: '2026-01-23T09:00:00.000Z',
      },
      state,
    ).reduce(evolveInitiative, state);
    expect(afterStart.status === 'PILOTING' && afterStart.iterations[1].ruleVersion).toBe(2);
    expect(afterStart.status === 'PILOTING' && afterStart.iterations[0].ruleVersion).toBe(1);
  });

  it('UnknownMetric, MetricRuleRepeated and the metric rules: a restatement is checked like a definition', () => {
    given(ruled())
      .when(pivot([{ metricId: 'nope', minimumEffect: 1 }]))
      .thenThrows('UnknownMetric', 'revisedRule');
    given(ruled())
      .when(pivot([{ metricId: 'engaged' }, { metricId: 'engaged', minimumEffect: 1 }]))
      .thenThrows('MetricRuleRepeated', 'revisedRule');
    given(ruled())
      .when(pivot([{ metricId: 'engaged', maximumHarm: 1 }]))
      .thenThrows('MaximumHarmOnlyForGuardrail', 'revisedRule.maximumHarm');
    given(ruled())
      .when(pivot([{ metricId: 'engaged', confidence: 2 }]))
      .thenThrows('ConfidenceOutOfRange', 'revisedRule.confidence');
  });

  it('a PIVOT may give a rule to an initiative launched without one', () => {
    const events = afterIteration([metric()], { engaged: CLEAR_WIN });
    const decided = given(events)
      .when(pivot([{ metricId: 'engaged', minimumEffect: 3 }]))
      .events();
    expect(decided[0].data).toMatchObject({ followsRule: null });
    expect(decided[2]).toMatchObject({ type: 'DecisionRuleRestated', data: { rule: { version: 2 } } });
  });
});
