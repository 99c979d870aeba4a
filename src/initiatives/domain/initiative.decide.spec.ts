import { RowRefused } from '../../shared/domain/rule-broken';
import { deciderSpec } from '../../shared/testing/decider';
import { TeamSnapshot } from '../../teams/domain/team.state';
import {
  CompleteIteration,
  decideInitiative,
  DefineSuccessMetric,
  InitiativeCommand,
  LaunchPilot,
  ProposeInitiative,
  RecordDecision,
  RecordMeasurement,
  RecordMeasurements,
  StartIteration,
  StateHypothesis,
  SubmitFeedback,
} from './initiative.decide';
import {
  Cohort,
  DecisionRecorded,
  HypothesisStated,
  ImpactAssessed,
  InitiativeEvent,
  InitiativeProposed,
  IterationCompleted,
  IterationStarted,
  MeasurementRecorded,
  PilotLaunched,
  SuccessMetricDefined,
} from './initiative.events';
import { evidence } from './initiative.figures';
import { evolveInitiative, initialInitiativeState, InitiativeState } from './initiative.state';

const { given } = deciderSpec<InitiativeCommand, InitiativeState, InitiativeEvent>({
  initialState: initialInitiativeState,
  evolve: evolveInitiative,
  decide: decideInitiative,
});

const ID = 'channel';
const T0 = '2026-01-05T09:00:00.000Z';
const T1 = '2026-01-06T09:00:00.000Z';
const T2 = '2026-01-20T09:00:00.000Z';
const T3 = '2026-01-21T09:00:00.000Z';

const team: TeamSnapshot = {
  teamId: 'sales',
  headcount: 8,
  impactThreshold: 0.5,
  paralysisLimitDays: 21,
  members: new Map([
    ['dora', 'DIRECTOR'],
    ['maria', 'MANAGER'],
    ['mark', 'MANAGER'],
    ['ivan', 'IC'],
    ['ana', 'IC'],
    ['leo', 'IC'],
    ['zoe', 'IC'],
    ['eli', 'IC'],
    ['kim', 'IC'],
  ] as const),
};

const propose = (overrides: Partial<ProposeInitiative> = {}): ProposeInitiative => ({
  type: 'ProposeInitiative',
  initiativeId: ID,
  team,
  title: 'A new channel for prospecting',
  problem: 'Cold e-mails get no answers',
  potentialReach: 6,
  actor: 'dora',
  now: T0,
  ...overrides,
});
const stateHypothesis = (
  statement = 'We believe LinkedIn for SMB reps will engage more customers',
): StateHypothesis => ({
  type: 'StateHypothesis',
  statement,
  now: T0,
});
const defineMetric = (overrides: Partial<DefineSuccessMetric> = {}): DefineSuccessMetric => ({
  type: 'DefineSuccessMetric',
  metricId: 'engaged',
  name: 'Customers engaged per week',
  unit: 'customers',
  direction: 'INCREASE',
  baseline: 10,
  target: 20,
  cadence: 'WEEKLY',
  source: 'CRM',
  kind: 'PRIMARY',
  now: T0,
  ...overrides,
});
const launch = (overrides: Partial<LaunchPilot> = {}): LaunchPilot => ({
  type: 'LaunchPilot',
  team,
  ownerId: 'maria',
  participantIds: ['ivan', 'ana'],
  controlIds: ['leo', 'zoe'],
  now: T1,
  ...overrides,
});
const startIteration = (overrides: Partial<StartIteration> = {}): StartIteration => ({
  type: 'StartIteration',
  change: 'Reps send connection requests',
  plannedEndAt: T2,
  now: T1,
  ...overrides,
});
const measure = (overrides: Partial<RecordMeasurement> = {}): RecordMeasurement => ({
  type: 'RecordMeasurement',
  metricId: 'engaged',
  value: 14,
  periodStart: '2026-01-12',
  cohort: 'PILOT',
  participantId: 'ivan',
  now: T1,
  ...overrides,
});
const complete = (overrides: Partial<CompleteIteration> = {}): CompleteIteration => ({
  type: 'CompleteIteration',
  outcome: 'VALIDATED',
  learnings: 'Requests get answers',
  now: T2,
  ...overrides,
});
const decide = (overrides: Partial<RecordDecision> = {}): RecordDecision => ({
  type: 'RecordDecision',
  decisionId: 'd1',
  kind: 'PERSEVERE',
  rationale: 'Promising, one more round',
  revisedHypothesis: null,
  actor: 'dora',
  now: T3,
  ...overrides,
});
const feedback = (overrides: Partial<SubmitFeedback> = {}): SubmitFeedback => ({
  type: 'SubmitFeedback',
  team,
  feedbackId: 'f1',
  authorId: 'ivan',
  recordedBy: 'ivan',
  kind: 'SUGGESTION',
  text: 'Try voice notes',
  now: T3,
  ...overrides,
});

const proposed: InitiativeProposed = {
  type: 'InitiativeProposed',
  data: {
    initiativeId: ID,
    teamId: 'sales',
    title: 'A new channel for prospecting',
    problem: 'Cold e-mails get no answers',
    potentialReach: 6,
    proposedBy: 'dora',
    proposedAt: T0,
  },
};
const assessed: ImpactAssessed = {
  type: 'ImpactAssessed',
  data: {
    initiativeId: ID,
    potentialReach: 6,
    headcount: 8,
    share: 0.75,
    impactThreshold: 0.5,
    recommendation: 'DIRECTOR_LED',
  },
};
const hypothesisStated: HypothesisStated = {
  type: 'HypothesisStated',
  data: { initiativeId: ID, statement: 'We believe LinkedIn for SMB reps will engage more customers' },
};
const metricDefined = (overrides: Partial<SuccessMetricDefined['data']> = {}): SuccessMetricDefined => ({
  type: 'SuccessMetricDefined',
  data: {
    initiativeId: ID,
    metricId: 'engaged',
    name: 'Customers engaged per week',
    unit: 'customers',
    direction: 'INCREASE',
    baseline: 10,
    target: 20,
    cadence: 'WEEKLY',
    source: 'CRM',
    kind: 'PRIMARY',
    minimumEffect: null,
    maximumHarm: null,
    confidence: null,
    baselineSpread: null,
    ...overrides,
  },
});
const launched = (controlIds = ['leo', 'zoe']): PilotLaunched => ({
  type: 'PilotLaunched',
  data: { initiativeId: ID, ownerId: 'maria', participantIds: ['ivan', 'ana'], controlIds, launchedAt: T1 },
});
const iterationStarted = (number = 1): IterationStarted => ({
  type: 'IterationStarted',
  data: { initiativeId: ID, number, change: 'Reps send connection requests', startedAt: T1, plannedEndAt: T2 },
});
const measured = (
  value: number,
  cohort: Cohort = 'PILOT',
  overrides: Partial<MeasurementRecorded['data']> = {},
): MeasurementRecorded => ({
  type: 'MeasurementRecorded',
  data: {
    initiativeId: ID,
    metricId: 'engaged',
    iteration: 1,
    value,
    periodStart: '2026-01-12',
    cohort,
    participantId: null,
    recordedAt: T1,
    ...overrides,
  },
});
const iterationCompleted = (number = 1): IterationCompleted => ({
  type: 'IterationCompleted',
  data: { initiativeId: ID, number, outcome: 'VALIDATED', learnings: 'Requests get answers', completedAt: T2 },
});
const decided = (kind: DecisionRecorded['data']['kind'], iteration = 1): DecisionRecorded => ({
  type: 'DecisionRecorded',
  data: {
    initiativeId: ID,
    decisionId: `d${iteration}`,
    kind,
    rationale: 'r',
    decidedBy: 'dora',
    decidedAt: T3,
    iteration,
    evidence: [],
    evidenceVersion: 2,
    rule: null,
    recommendation: null,
    followsRule: null,
  },
});

const created = [proposed, assessed];
const defined = [...created, hypothesisStated, metricDefined()];
const piloting = [...defined, launched()];
const inIteration = [...piloting, iterationStarted()];
const iterationDone = [
  ...inIteration,
  measured(14),
  measured(16),
  measured(11, 'CONTROL'),
  measured(9, 'CONTROL'),
  iterationCompleted(),
];
const scaled = [
  ...iterationDone,
  decided('SCALE'),
  { type: 'InitiativeScaled', data: { initiativeId: ID, decisionId: 'd1', scaledAt: T3 } } as const,
];
const stopped = [
  ...iterationDone,
  decided('STOP'),
  { type: 'InitiativeStopped', data: { initiativeId: ID, decisionId: 'd1', stoppedAt: T3 } } as const,
];

describe('proposing an initiative', () => {
  it('records the proposal and assesses its impact on the team', () => {
    given([])
      .when(propose({ title: '  A new channel for prospecting ' }))
      .then([proposed, assessed]);
  });

  it('recommends delegating to a manager when the reach share is below the team threshold', () => {
    const [, assessment] = given([])
      .when(propose({ potentialReach: 3 }))
      .events();
    expect(assessment).toEqual({
      type: 'ImpactAssessed',
      data: {
        initiativeId: ID,
        potentialReach: 3,
        headcount: 8,
        share: 0.375,
        impactThreshold: 0.5,
        recommendation: 'DELEGATE_TO_MANAGER',
      },
    });
  });

  it('leads from the director exactly at the threshold', () => {
    const [, assessment] = given([])
      .when(propose({ potentialReach: 4 }))
      .events();
    expect(assessment).toMatchObject({ data: { share: 0.5, recommendation: 'DIRECTOR_LED' } });
  });

  it('InitiativeAlreadyProposed: an id is proposed once', () => {
    given(created).when(propose()).thenThrows('InitiativeAlreadyProposed', 'initiativeId');
  });

  it.each(['', '  ', 'x'.repeat(201)])('TitleLength: the title %j is refused', (title) => {
    given([]).when(propose({ title })).thenThrows('TitleLength', 'title');
  });

  it.each(['', 'x'.repeat(4001)])('ProblemLength: a problem of %#th kind is refused', (problem) => {
    given([]).when(propose({ problem })).thenThrows('ProblemLength', 'problem');
  });

  it.each([0, 9, 2.5, -1])('PotentialReachOutOfRange: a reach of %s is not 1..headcount', (potentialReach) => {
    given([]).when(propose({ potentialReach })).thenThrows('PotentialReachOutOfRange', 'potentialReach');
  });

  it('PotentialReachOutOfRange: a team without members cannot be reached', () => {
    given([])
      .when(propose({ potentialReach: 1, team: { ...team, headcount: 0, members: new Map() } }))
      .thenThrows('PotentialReachOutOfRange');
  });
});

describe('commands on an initiative that does not exist', () => {
  it.each([
    stateHypothesis(),
    defineMetric(),
    launch(),
    startIteration(),
    measure(),
    complete(),
    decide(),
    feedback(),
  ] as InitiativeCommand[])('InitiativeNotProposed: $type', (command) => {
    given([]).when(command).thenThrows('InitiativeNotProposed');
  });
});

describe('stating the hypothesis', () => {
  it('records it, trimmed', () => {
    given(created)
      .when(stateHypothesis(' We believe LinkedIn for SMB reps will engage more customers '))
      .then([hypothesisStated]);
  });

  it('may restate it before launch', () => {
    given([...defined])
      .when(stateHypothesis('Another belief'))
      .then([{ type: 'HypothesisStated', data: { initiativeId: ID, statement: 'Another belief' } }]);
  });

  it('HypothesisLength: an empty or overlong hypothesis is refused', () => {
    given(created).when(stateHypothesis('   ')).thenThrows('HypothesisLength', 'statement');
    given(created)
      .when(stateHypothesis('h'.repeat(2001)))
      .thenThrows('HypothesisLength');
  });

  it('HypothesisOnlyBeforeLaunch: after launch, a PIVOT decision revises it', () => {
    const error = given(piloting).when(stateHypothesis()).thenThrows('HypothesisOnlyBeforeLaunch');
    expect(error.message).toContain('after launch, revise it with a PIVOT decision');
  });
});

describe('defining a success metric', () => {
  it('records the definition', () => {
    given(created)
      .when(defineMetric({ name: ' Customers engaged per week ' }))
      .then([metricDefined()]);
  });

  it('accepts a guardrail and a decreasing metric', () => {
    given(defined)
      .when(
        defineMetric({
          metricId: 'churn',
          name: 'Churn',
          direction: 'DECREASE',
          baseline: 5,
          target: 3,
          kind: 'GUARDRAIL',
        }),
      )
      .then([
        metricDefined({
          metricId: 'churn',
          name: 'Churn',
          direction: 'DECREASE',
          baseline: 5,
          target: 3,
          kind: 'GUARDRAIL',
        }),
      ]);
  });

  it.each([
    [Number.NaN, 20, 'baseline'],
    [10, Number.POSITIVE_INFINITY, 'target'],
  ])('MetricValuesMustBeFinite: baseline %s and target %s', (baseline, target, field) => {
    given(created).when(defineMetric({ baseline, target })).thenThrows('MetricValuesMustBeFinite', field);
  });

  it('BaselineEqualsTarget: the target must differ from the baseline', () => {
    given(created)
      .when(defineMetric({ baseline: 10, target: 10 }))
      .thenThrows('BaselineEqualsTarget', 'target');
  });

  it('TargetAgainstDirection: INCREASE needs target > baseline, DECREASE target < baseline', () => {
    given(created)
      .when(defineMetric({ direction: 'INCREASE', baseline: 10, target: 5 }))
      .thenThrows('TargetAgainstDirection');
    given(created)
      .when(defineMetric({ direction: 'DECREASE', baseline: 10, target: 15 }))
      .thenThrows('TargetAgainstDirection');
  });

  it('MetricNameLength: the name must be 1 to 120 characters', () => {
    given(created)
      .when(defineMetric({ name: ' ' }))
      .thenThrows('MetricNameLength', 'name');
    given(created)
      .when(defineMetric({ name: 'm'.repeat(121) }))
      .thenThrows('MetricNameLength', 'name');
  });

  it('MetricAlreadyDefined: a metric id is defined once', () => {
    given(defined)
      .when(defineMetric({ name: 'Something else' }))
      .thenThrows('MetricAlreadyDefined', 'metricId');
  });

  it('MetricNameTaken: names are unique regardless of case', () => {
    given(defined)
      .when(defineMetric({ metricId: 'other', name: 'CUSTOMERS ENGAGED PER WEEK' }))
      .thenThrows('MetricNameTaken', 'name');
  });

  it('MetricsOnlyBeforeLaunch: success is defined before the first step', () => {
    given(piloting)
      .when(defineMetric({ metricId: 'late', name: 'Late metric' }))
      .thenThrows('MetricsOnlyBeforeLaunch');
  });
});

describe('readiness: DEFINED = a hypothesis and at least one primary metric', () => {
  const statusAfter = (events: InitiativeEvent[]) => events.reduce(evolveInitiative, initialInitiativeState).status;

  it('is derived from the events, in whichever order they come', () => {
    expect(statusAfter(created)).toBe('PROPOSED');
    expect(statusAfter([...created, hypothesisStated])).toBe('PROPOSED');
    expect(statusAfter([...created, metricDefined()])).toBe('PROPOSED');
    expect(statusAfter([...created, metricDefined(), hypothesisStated])).toBe('DEFINED');
    expect(statusAfter(defined)).toBe('DEFINED');
  });

  it('does not count guardrails', () => {
    expect(statusAfter([...created, hypothesisStated, metricDefined({ kind: 'GUARDRAIL' })])).toBe('PROPOSED');
  });
});

describe('launching the pilot', () => {
  it('records the owner and both cohorts', () => {
    given(defined).when(launch()).then([launched()]);
  });

  it('runs without a control cohort', () => {
    given(defined)
      .when(launch({ controlIds: [] }))
      .then([launched([])]);
  });

  it('PilotNeedsDefinedInitiative: hypothesis and primary metric first', () => {
    given(created).when(launch()).thenThrows('PilotNeedsDefinedInitiative');
    given([...created, hypothesisStated])
      .when(launch())
      .thenThrows('PilotNeedsDefinedInitiative');
  });

  it('PilotAlreadyLaunched: one pilot per initiative', () => {
    given(piloting).when(launch()).thenThrows('PilotAlreadyLaunched');
  });

  it('WrongTeam: the rules are checked against the initiative’s own team', () => {
    given(defined)
      .when(launch({ team: { ...team, teamId: 'support' } }))
      .thenThrows('WrongTeam');
  });

  it.each(['dora', 'ivan', 'stranger'])('PilotOwnerMustBeManager: %s cannot own the pilot', (ownerId) => {
    given(defined).when(launch({ ownerId })).thenThrows('PilotOwnerMustBeManager', 'ownerId');
  });

  it('PilotNeedsParticipants: at least one participant', () => {
    given(defined)
      .when(launch({ participantIds: [] }))
      .thenThrows('PilotNeedsParticipants', 'participantIds');
  });

  it('CohortMemberRepeated: nobody is named twice in a cohort', () => {
    given(defined)
      .when(launch({ participantIds: ['ivan', 'ivan'] }))
      .thenThrows('CohortMemberRepeated', 'participantIds');
    given(defined)
      .when(launch({ controlIds: ['leo', 'leo'] }))
      .thenThrows('CohortMemberRepeated', 'controlIds');
  });

  it('CohortMustBeTeamICs: participants and control are ICs of the team', () => {
    given(defined)
      .when(launch({ participantIds: ['ivan', 'mark'] }))
      .thenThrows('CohortMustBeTeamICs', 'participantIds');
    given(defined)
      .when(launch({ participantIds: ['stranger'] }))
      .thenThrows('CohortMustBeTeamICs', 'participantIds');
    given(defined)
      .when(launch({ controlIds: ['dora'] }))
      .thenThrows('CohortMustBeTeamICs', 'controlIds');
  });

  it('CohortsMustBeDisjoint: nobody is both in the pilot and in the control cohort', () => {
    given(defined)
      .when(launch({ controlIds: ['leo', 'ana'] }))
      .thenThrows('CohortsMustBeDisjoint', 'controlIds');
  });
});

describe('starting an iteration', () => {
  it('numbers iterations 1, 2, 3…', () => {
    given(piloting)
      .when(startIteration({ change: ' Reps send connection requests ' }))
      .then([iterationStarted(1)]);
    given([...iterationDone, decided('PERSEVERE')])
      .when(startIteration({ now: T1 }))
      .then([iterationStarted(2)]);
  });

  it('PilotNotLaunched: iterations run inside a launched pilot', () => {
    given(defined).when(startIteration()).thenThrows('PilotNotLaunched');
  });

  it('IterationAlreadyOpen: one open iteration at a time', () => {
    given(inIteration).when(startIteration()).thenThrows('IterationAlreadyOpen');
  });

  it('PlannedEndNotAfterNow: the planned end is after the start', () => {
    given(piloting)
      .when(startIteration({ plannedEndAt: T1 }))
      .thenThrows('PlannedEndNotAfterNow', 'plannedEndAt');
    given(piloting)
      .when(startIteration({ plannedEndAt: T0 }))
      .thenThrows('PlannedEndNotAfterNow');
  });

  it('InvalidDate: the planned end must be a date', () => {
    given(piloting)
      .when(startIteration({ plannedEndAt: 'next week' }))
      .thenThrows('InvalidDate', 'plannedEndAt');
  });

  it('ChangeLength: say what changes', () => {
    given(piloting)
      .when(startIteration({ change: ' ' }))
      .thenThrows('ChangeLength', 'change');
  });
});

describe('recording a measurement', () => {
  it('records the reading in the open iteration', () => {
    given(inIteration)
      .when(measure())
      .then([measured(14, 'PILOT', { participantId: 'ivan' })]);
  });

  it('records a control reading without a participant', () => {
    given(inIteration)
      .when(measure({ cohort: 'CONTROL', participantId: null, value: -2.5 }))
      .then([measured(-2.5, 'CONTROL')]);
  });

  it('PilotNotLaunched: nothing to measure before launch', () => {
    given(defined).when(measure()).thenThrows('PilotNotLaunched');
  });

  it('UnknownMetric: the metric must be defined', () => {
    given(inIteration)
      .when(measure({ metricId: 'nope' }))
      .thenThrows('UnknownMetric', 'metricId');
  });

  it('NoOpenIteration: measurements belong to an open iteration', () => {
    given(piloting).when(measure()).thenThrows('NoOpenIteration');
    given(iterationDone).when(measure()).thenThrows('NoOpenIteration');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('MeasurementMustBeFinite: %s', (value) => {
    given(inIteration).when(measure({ value })).thenThrows('MeasurementMustBeFinite', 'value');
  });

  it('InvalidDate: the period start must be a date', () => {
    given(inIteration)
      .when(measure({ periodStart: 'week 2' }))
      .thenThrows('InvalidDate', 'periodStart');
  });

  it('NoControlCohort: CONTROL readings need a control cohort', () => {
    given([...defined, launched([]), iterationStarted()])
      .when(measure({ cohort: 'CONTROL', participantId: null }))
      .thenThrows('NoControlCohort', 'cohort');
  });

  it('ParticipantNotInCohort: a named participant belongs to the cohort measured', () => {
    given(inIteration)
      .when(measure({ participantId: 'leo' }))
      .thenThrows('ParticipantNotInCohort', 'participantId');
    given(inIteration)
      .when(measure({ cohort: 'CONTROL', participantId: 'ivan' }))
      .thenThrows('ParticipantNotInCohort');
    given(inIteration)
      .when(measure({ participantId: 'stranger' }))
      .thenThrows('ParticipantNotInCohort');
  });
});

describe('recording many measurements at once', () => {
  const batch = (readings: RecordMeasurements['readings']): RecordMeasurements => ({
    type: 'RecordMeasurements',
    readings,
    now: T1,
  });
  const reading = (overrides: Partial<RecordMeasurements['readings'][number]> = {}) => {
    const { type: _type, now: _now, ...row } = measure(overrides);
    return row;
  };

  it('records every reading in the open iteration, in the order given', () => {
    given(inIteration)
      .when(
        batch([
          reading({ value: 14 }),
          reading({ value: 12, participantId: 'ana', periodStart: '2026-01-19' }),
          reading({ value: 9, cohort: 'CONTROL', participantId: 'leo' }),
        ]),
      )
      .then([
        measured(14, 'PILOT', { participantId: 'ivan' }),
        measured(12, 'PILOT', { participantId: 'ana', periodStart: '2026-01-19' }),
        measured(9, 'CONTROL', { participantId: 'leo' }),
      ]);
  });

  it('refuses the whole batch at the first row that breaks a rule, naming the row and its field', () => {
    const refusal = (() => {
      try {
        given(inIteration)
          .when(
            batch([
              reading(),
              reading({ participantId: 'ana' }),
              reading({ cohort: 'CONTROL', participantId: 'ivan' }),
            ]),
          )
          .events();
      } catch (error) {
        return error;
      }
      throw new Error('the batch was accepted');
    })();
    expect(refusal).toBeInstanceOf(RowRefused);
    expect(refusal).toMatchObject({
      list: 'readings',
      row: 2,
      field: 'readings.2.participantId',
      rule: 'ParticipantNotInCohort',
    });
    expect((refusal as RowRefused).message).toBe('readings[2]: ivan is not in the control cohort');
  });

  it.each([
    [{ metricId: 'nope' }, 'UnknownMetric', 'readings.0.metricId'],
    [{ value: Number.NaN }, 'MeasurementMustBeFinite', 'readings.0.value'],
    [{ periodStart: 'week 2' }, 'InvalidDate', 'readings.0.periodStart'],
  ])('applies the rules of a single reading to each row: %j', (overrides, rule, field) => {
    expect(() =>
      given(inIteration)
        .when(batch([reading(overrides)]))
        .events(),
    ).toThrow(expect.objectContaining({ rule, field }));
  });

  it('NoOpenIteration and PilotNotLaunched concern the batch, not a row', () => {
    given(piloting)
      .when(batch([reading()]))
      .thenThrows('NoOpenIteration');
    given(defined)
      .when(batch([reading()]))
      .thenThrows('PilotNotLaunched');
  });
});

describe('completing an iteration', () => {
  it('records the outcome and the learnings', () => {
    given(inIteration)
      .when(complete({ learnings: ' Requests get answers ' }))
      .then([iterationCompleted()]);
  });

  it('PilotNotLaunched: no iteration before launch', () => {
    given(defined).when(complete()).thenThrows('PilotNotLaunched');
  });

  it('NoOpenIteration: only the open iteration can be completed', () => {
    given(piloting).when(complete()).thenThrows('NoOpenIteration');
    given(iterationDone).when(complete()).thenThrows('NoOpenIteration');
  });

  it('LearningsRequired: an iteration teaches something', () => {
    given(inIteration)
      .when(complete({ learnings: '  ' }))
      .thenThrows('LearningsRequired', 'learnings');
  });
});

describe('recording a decision', () => {
  const frozen = evidence(iterationDone.reduce(evolveInitiative, initialInitiativeState));
  const decisionRecorded = (kind: DecisionRecorded['data']['kind']): DecisionRecorded => ({
    type: 'DecisionRecorded',
    data: {
      initiativeId: ID,
      decisionId: 'd1',
      kind,
      rationale: 'Promising, one more round',
      decidedBy: 'dora',
      decidedAt: T3,
      iteration: 1,
      evidence: frozen,
      evidenceVersion: 2,
      rule: null,
      recommendation: null,
      followsRule: null,
    },
  });

  it('freezes the evidence of the last completed iteration', () => {
    expect(frozen).toEqual([
      {
        metricId: 'engaged',
        name: 'Customers engaged per week',
        baseline: 10,
        target: 20,
        latest: 15,
        progress: 0.5,
        comparison: expect.objectContaining({
          iteration: 1,
          difference: 5,
          pilot: expect.objectContaining({ n: 2, mean: 15 }),
        }),
      },
    ]);
  });

  it('PERSEVERE records the decision alone', () => {
    given(iterationDone)
      .when(decide())
      .then([decisionRecorded('PERSEVERE')]);
  });

  it('PIVOT records the decision and revises the hypothesis', () => {
    given(iterationDone)
      .when(decide({ kind: 'PIVOT', revisedHypothesis: ' We believe voice notes will engage more customers ' }))
      .then([
        decisionRecorded('PIVOT'),
        {
          type: 'HypothesisRevised',
          data: {
            initiativeId: ID,
            decisionId: 'd1',
            previous: 'We believe LinkedIn for SMB reps will engage more customers',
            statement: 'We believe voice notes will engage more customers',
          },
        },
      ]);
  });

  it('SCALE records the decision and scales the initiative', () => {
    given(iterationDone)
      .when(decide({ kind: 'SCALE' }))
      .then([
        decisionRecorded('SCALE'),
        { type: 'InitiativeScaled', data: { initiativeId: ID, decisionId: 'd1', scaledAt: T3 } },
      ]);
  });

  it('STOP records the decision and stops the initiative', () => {
    given(iterationDone)
      .when(decide({ kind: 'STOP' }))
      .then([
        decisionRecorded('STOP'),
        { type: 'InitiativeStopped', data: { initiativeId: ID, decisionId: 'd1', stoppedAt: T3 } },
      ]);
  });

  it('PilotNotLaunched: decisions are about a running pilot', () => {
    given(defined).when(decide()).thenThrows('PilotNotLaunched');
  });

  it('DecisionWhileIterationOpen: complete the iteration first', () => {
    given(inIteration).when(decide()).thenThrows('DecisionWhileIterationOpen');
  });

  it('DecisionNeedsCompletedIteration: decide on evidence', () => {
    given(piloting).when(decide()).thenThrows('DecisionNeedsCompletedIteration');
  });

  it('IterationAlreadyDecided: one decision per completed iteration', () => {
    given([...iterationDone, decided('PERSEVERE')])
      .when(decide({ decisionId: 'd2' }))
      .thenThrows('IterationAlreadyDecided');
  });

  it('decides the next iteration once it is completed', () => {
    const history = [...iterationDone, decided('PERSEVERE'), iterationStarted(2), iterationCompleted(2)];
    expect(
      given(history)
        .when(decide({ kind: 'STOP', decisionId: 'd2' }))
        .events()[0],
    ).toMatchObject({
      data: { iteration: 2, kind: 'STOP' },
    });
  });

  it('RationaleRequired: a decision is explained', () => {
    given(iterationDone)
      .when(decide({ rationale: ' ' }))
      .thenThrows('RationaleRequired', 'rationale');
  });

  it('PivotNeedsRevisedHypothesis: a pivot says what is believed now', () => {
    given(iterationDone)
      .when(decide({ kind: 'PIVOT' }))
      .thenThrows('PivotNeedsRevisedHypothesis', 'revisedHypothesis');
    given(iterationDone)
      .when(decide({ kind: 'PIVOT', revisedHypothesis: '  ' }))
      .thenThrows('PivotNeedsRevisedHypothesis');
  });

  it('HypothesisLength: a revised hypothesis has the same bounds as the first', () => {
    given(iterationDone)
      .when(decide({ kind: 'PIVOT', revisedHypothesis: 'h'.repeat(2001) }))
      .thenThrows('HypothesisLength', 'revisedHypothesis');
  });

  it('HypothesisRevisedOnlyByPivot: other decisions leave the hypothesis alone', () => {
    given(iterationDone)
      .when(decide({ kind: 'SCALE', revisedHypothesis: 'Something new' }))
      .thenThrows('HypothesisRevisedOnlyByPivot', 'revisedHypothesis');
  });

  it('a revised hypothesis is the one the next pivot revises', () => {
    const revised = {
      type: 'HypothesisRevised',
      data: { initiativeId: ID, decisionId: 'd1', previous: 'old', statement: 'Second belief' },
    } as const;
    const history = [...iterationDone, decided('PIVOT'), revised, iterationStarted(2), iterationCompleted(2)];
    const events = given(history)
      .when(decide({ kind: 'PIVOT', decisionId: 'd2', revisedHypothesis: 'Third' }))
      .events();
    expect(events[1]).toMatchObject({ data: { previous: 'Second belief', statement: 'Third' } });
  });
});

describe('a scaled or stopped initiative is closed', () => {
  it.each([
    ['scaled', scaled],
    ['stopped', stopped],
  ])('InitiativeClosed: a %s initiative refuses every change', (_, history) => {
    for (const command of [
      stateHypothesis(),
      defineMetric({ metricId: 'late', name: 'Late' }),
      launch(),
      startIteration(),
      measure(),
      complete(),
      decide({ decisionId: 'd9' }),
    ] as InitiativeCommand[]) {
      given(history).when(command).thenThrows('InitiativeClosed');
    }
  });
});

describe('submitting feedback', () => {
  const submitted = {
    type: 'FeedbackSubmitted',
    data: {
      initiativeId: ID,
      feedbackId: 'f1',
      authorId: 'ivan',
      recordedBy: 'ivan',
      kind: 'SUGGESTION',
      text: 'Try voice notes',
      submittedAt: T3,
    },
  } as const;

  it.each([
    ['proposed', created],
    ['defined', defined],
    ['piloting', inIteration],
    ['scaled', scaled],
    ['stopped', stopped],
  ])('is welcome while the initiative is %s', (_, history) => {
    given(history)
      .when(feedback({ text: ' Try voice notes ' }))
      .then([submitted]);
  });

  it('comes from any member, directors and managers included', () => {
    expect(
      given(created)
        .when(feedback({ authorId: 'maria', kind: 'CONCERN' }))
        .events(),
    ).toHaveLength(1);
  });

  it('recorded by someone else for a member, says both who said it and who recorded it', () => {
    given(created)
      .when(feedback({ authorId: 'ivan', recordedBy: 'maria' }))
      .then([{ ...submitted, data: { ...submitted.data, recordedBy: 'maria' } }]);
  });

  it('FeedbackAuthorMustBeTeamMember: the author is a current member of the team', () => {
    given(created)
      .when(feedback({ authorId: 'stranger' }))
      .thenThrows('FeedbackAuthorMustBeTeamMember', 'authorId');
  });

  it('WrongTeam: membership is checked in the initiative’s own team', () => {
    given(created)
      .when(feedback({ team: { ...team, teamId: 'support' } }))
      .thenThrows('WrongTeam');
  });

  it.each(['', '   ', 'f'.repeat(2001)])('FeedbackLength: a text of %#th kind is refused', (text) => {
    given(created).when(feedback({ text })).thenThrows('FeedbackLength', 'text');
  });
});
