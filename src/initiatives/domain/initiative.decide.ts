import { Decider, EntityType } from '../../shared/domain/decider';
import { unreachable } from '../../shared/domain/exhaustive';
import { eachRow, RuleBroken } from '../../shared/domain/rule-broken';
import { roundFigure } from '../../shared/statistics/precision';
import { TeamSnapshot } from '../../teams/domain/team.state';
import {
  Cohort,
  DecisionKind,
  FeedbackKind,
  InitiativeEvent,
  initiativeStreamId,
  IterationOutcome,
  MetricDefinition,
} from './initiative.events';
import { CURRENT_EVIDENCE_VERSION, evidence } from './initiative.figures';
import { recommendationFor } from './initiative.recommendation';
import { checkRuleTerms, currentRuleOf, MetricRuleTerms, ruleForIteration } from './initiative.rule';
import {
  evolveInitiative,
  initialInitiativeState,
  InitiativeState,
  lastCompletedIterationOf,
  LaunchedInitiative,
  openIterationOf,
  ProposedInitiative,
} from './initiative.state';

/** The service's clock reading when the command is handled: the domain never reads a clock. */
type At = { now: string };

type Piloting = Extract<InitiativeState, { status: 'PILOTING' }>;
type BeforeLaunch = Extract<InitiativeState, { status: 'PROPOSED' | 'DEFINED' }>;

export const TITLE_MAX = 200;
export const PROBLEM_MAX = 4000;
export const HYPOTHESIS_MAX = 2000;
export const METRIC_NAME_MAX = 120;
export const CHANGE_MAX = 2000;
export const LEARNINGS_MAX = 4000;
export const RATIONALE_MAX = 4000;
export const FEEDBACK_MAX = 2000;
/** Overriding the rule's recommendation is allowed, but not without saying why in a sentence. */
export const OVERRIDE_RATIONALE_MIN = 20;

function text(value: string, max: number, rule: string, message: string, field: string): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < 1 || trimmed.length > max) throw new RuleBroken(rule, message, field);
  return trimmed;
}

// Date.parse alone accepts loose text such as "week 2"; stored dates must stay readable by any tool.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function instant(value: string, field: string): number {
  const parsed = ISO_8601.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(parsed)) {
    throw new RuleBroken('InvalidDate', `${field} must be an ISO 8601 date, such as 2026-01-12`, field);
  }
  return parsed;
}

function closed(state: LaunchedInitiative): RuleBroken {
  return new RuleBroken(
    'InitiativeClosed',
    `The initiative is ${state.status === 'SCALED' ? 'scaled' : 'stopped'}: only feedback can still be added`,
  );
}

function requirePiloting(state: ProposedInitiative, doing: string): Piloting {
  if (state.status === 'PILOTING') return state;
  if (state.status === 'SCALED' || state.status === 'STOPPED') throw closed(state);
  throw new RuleBroken('PilotNotLaunched', `Launch the pilot before you ${doing}`);
}

function requireBeforeLaunch(state: ProposedInitiative, rule: string, message: string): BeforeLaunch {
  if (state.status === 'PROPOSED' || state.status === 'DEFINED') return state;
  if (state.status === 'SCALED' || state.status === 'STOPPED') throw closed(state);
  throw new RuleBroken(rule, message);
}

/** Team facts are read by the caller; a snapshot of another team would check the rules against the wrong people. */
function requireOwnTeam(state: ProposedInitiative, team: TeamSnapshot): TeamSnapshot {
  if (team.teamId !== state.teamId) {
    throw new RuleBroken('WrongTeam', `This initiative belongs to team "${state.teamId}", not "${team.teamId}"`);
  }
  return team;
}

export type ProposeInitiative = At & {
  type: 'ProposeInitiative';
  initiativeId: string;
  team: TeamSnapshot;
  title: string;
  problem: string;
  potentialReach: number;
  actor: string;
};

function proposeInitiative(command: ProposeInitiative, state: InitiativeState): InitiativeEvent[] {
  if (state.status !== 'NEW') {
    throw new RuleBroken(
      'InitiativeAlreadyProposed',
      `An initiative with id "${command.initiativeId}" already exists`,
      'initiativeId',
    );
  }
  const title = text(
    command.title,
    TITLE_MAX,
    'TitleLength',
    `The title must be 1 to ${TITLE_MAX} characters long`,
    'title',
  );
  const problem = text(
    command.problem,
    PROBLEM_MAX,
    'ProblemLength',
    `Describe the problem in 1 to ${PROBLEM_MAX} characters`,
    'problem',
  );
  const { teamId, headcount, impactThreshold } = command.team;
  const reach = command.potentialReach;
  if (!Number.isInteger(reach) || reach < 1 || reach > headcount) {
    throw new RuleBroken(
      'PotentialReachOutOfRange',
      headcount === 0
        ? 'The team has no members yet, so no initiative can reach anyone'
        : `The potential reach is a number of people between 1 and the team's headcount (${headcount})`,
      'potentialReach',
    );
  }
  const share = reach / headcount;
  const { initiativeId } = command;
  return [
    {
      type: 'InitiativeProposed',
      data: {
        initiativeId,
        teamId,
        title,
        problem,
        potentialReach: reach,
        proposedBy: command.actor,
        proposedAt: command.now,
      },
    },
    {
      type: 'ImpactAssessed',
      data: {
        initiativeId,
        potentialReach: reach,
        headcount,
        share: roundFigure(share),
        impactThreshold,
        recommendation: share < impactThreshold ? 'DELEGATE_TO_MANAGER' : 'DIRECTOR_LED',
      },
    },
  ];
}

export type StateHypothesis = At & { type: 'StateHypothesis'; statement: string };

function stateHypothesis(command: StateHypothesis, state: ProposedInitiative): InitiativeEvent[] {
  requireBeforeLaunch(
    state,
    'HypothesisOnlyBeforeLaunch',
    'The hypothesis is stated before launch; after launch, revise it with a PIVOT decision',
  );
  const statement = text(
    command.statement,
    HYPOTHESIS_MAX,
    'HypothesisLength',
    `The hypothesis must be 1 to ${HYPOTHESIS_MAX} characters long`,
    'statement',
  );
  return [{ type: 'HypothesisStated', data: { initiativeId: state.initiativeId, statement } }];
}

export type DefineSuccessMetric = At & { type: 'DefineSuccessMetric' } & Omit<
    MetricDefinition,
    'minimumEffect' | 'maximumHarm' | 'confidence' | 'baselineSpread'
  > &
  MetricRuleTerms & { baselineSpread?: number | null };

function defineSuccessMetric(command: DefineSuccessMetric, state: ProposedInitiative): InitiativeEvent[] {
  const proposal = requireBeforeLaunch(
    state,
    'MetricsOnlyBeforeLaunch',
    'Success is defined before the first step: no metric can be added after launch',
  );
  const { baseline, target, direction } = command;
  if (!Number.isFinite(baseline) || !Number.isFinite(target)) {
    throw new RuleBroken(
      'MetricValuesMustBeFinite',
      'Baseline and target must be finite numbers',
      Number.isFinite(baseline) ? 'target' : 'baseline',
    );
  }
  if (baseline === target) {
    throw new RuleBroken('BaselineEqualsTarget', 'The target must differ from the baseline', 'target');
  }
  if (direction === 'INCREASE' ? target < baseline : target > baseline) {
    throw new RuleBroken(
      'TargetAgainstDirection',
      direction === 'INCREASE'
        ? 'For a metric that should increase, the target must be above the baseline'
        : 'For a metric that should decrease, the target must be below the baseline',
      'target',
    );
  }
  const name = text(
    command.name,
    METRIC_NAME_MAX,
    'MetricNameLength',
    `The metric name must be 1 to ${METRIC_NAME_MAX} characters long`,
    'name',
  );
  if (proposal.metrics.some((m) => m.metricId === command.metricId)) {
    throw new RuleBroken(
      'MetricAlreadyDefined',
      `A metric with id "${command.metricId}" is already defined`,
      'metricId',
    );
  }
  if (proposal.metrics.some((m) => m.name.toLowerCase() === name.toLowerCase())) {
    throw new RuleBroken('MetricNameTaken', `A metric named "${name}" is already defined`, 'name');
  }
  const terms = checkRuleTerms(command.kind, command);
  const baselineSpread = command.baselineSpread ?? null;
  if (baselineSpread !== null && !(Number.isFinite(baselineSpread) && baselineSpread > 0)) {
    throw new RuleBroken(
      'BaselineSpreadOutOfRange',
      "The baseline spread is the standard deviation of one person's reading: a finite number above 0",
      'baselineSpread',
    );
  }
  return [
    {
      type: 'SuccessMetricDefined',
      data: {
        initiativeId: state.initiativeId,
        metricId: command.metricId,
        name,
        unit: (command.unit ?? '').trim(),
        direction,
        baseline,
        target,
        cadence: command.cadence,
        source: (command.source ?? '').trim(),
        kind: command.kind,
        ...terms,
        baselineSpread,
      },
    },
  ];
}

function checkCohorts(team: TeamSnapshot, ownerId: string, participantIds: string[], controlIds: string[]): void {
  if (team.members.get(ownerId) !== 'MANAGER') {
    throw new RuleBroken('PilotOwnerMustBeManager', 'The pilot owner must be a manager of the team', 'ownerId');
  }
  if (participantIds.length === 0) {
    throw new RuleBroken('PilotNeedsParticipants', 'A pilot needs at least one participant', 'participantIds');
  }
  for (const [field, ids, cohort] of [
    ['participantIds', participantIds, 'pilot'],
    ['controlIds', controlIds, 'control'],
  ] as const) {
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated !== undefined) {
      throw new RuleBroken('CohortMemberRepeated', `${repeated} is named twice in the ${cohort} cohort`, field);
    }
    const notIc = ids.find((id) => team.members.get(id) !== 'IC');
    if (notIc !== undefined) {
      throw new RuleBroken(
        'CohortMustBeTeamICs',
        `Pilot and control cohorts are made of ICs of the team; ${notIc} is not one`,
        field,
      );
    }
  }
  const both = participantIds.find((id) => controlIds.includes(id));
  if (both !== undefined) {
    throw new RuleBroken(
      'CohortsMustBeDisjoint',
      `${both} cannot be both in the pilot and in the control cohort`,
      'controlIds',
    );
  }
}

export type LaunchPilot = At & {
  type: 'LaunchPilot';
  team: TeamSnapshot;
  ownerId: string;
  participantIds: string[];
  controlIds: string[];
};

function launchPilot(command: LaunchPilot, state: ProposedInitiative): InitiativeEvent[] {
  switch (state.status) {
    case 'PROPOSED':
      throw new RuleBroken(
        'PilotNeedsDefinedInitiative',
        'State the hypothesis and define a primary success metric before launching the pilot',
      );
    case 'PILOTING':
      throw new RuleBroken('PilotAlreadyLaunched', 'The pilot is already running');
    case 'SCALED':
    case 'STOPPED':
      throw closed(state);
  }
  const team = requireOwnTeam(state, command.team);
  const controlIds = command.controlIds ?? [];
  checkCohorts(team, command.ownerId, command.participantIds, controlIds);
  return [
    {
      type: 'PilotLaunched',
      data: {
        initiativeId: state.initiativeId,
        ownerId: command.ownerId,
        participantIds: [...command.participantIds],
        controlIds: [...controlIds],
        launchedAt: command.now,
      },
    },
  ];
}

export type StartIteration = At & { type: 'StartIteration'; change: string; plannedEndAt: string };

function startIteration(command: StartIteration, state: ProposedInitiative): InitiativeEvent[] {
  const pilot = requirePiloting(state, 'start an iteration');
  const open = openIterationOf(pilot);
  if (open) {
    throw new RuleBroken('IterationAlreadyOpen', `Iteration ${open.number} is still open: complete it first`);
  }
  if (!(instant(command.plannedEndAt, 'plannedEndAt') > instant(command.now, 'now'))) {
    throw new RuleBroken(
      'PlannedEndNotAfterNow',
      'The planned end of an iteration must be in the future',
      'plannedEndAt',
    );
  }
  const change = text(
    command.change,
    CHANGE_MAX,
    'ChangeLength',
    `Describe what changes in this iteration in 1 to ${CHANGE_MAX} characters`,
    'change',
  );
  return [
    {
      type: 'IterationStarted',
      data: {
        initiativeId: pilot.initiativeId,
        number: pilot.iterations.length + 1,
        change,
        startedAt: command.now,
        plannedEndAt: command.plannedEndAt,
      },
    },
  ];
}

export type RecordMeasurement = At & {
  type: 'RecordMeasurement';
  metricId: string;
  value: number;
  periodStart: string;
  cohort: Cohort;
  participantId: string | null;
};

/** One reading: of which metric, for which period, cohort and (optionally) participant. */
export type Reading = Omit<RecordMeasurement, 'type' | 'now'>;

export type RecordMeasurements = At & { type: 'RecordMeasurements'; readings: readonly Reading[] };

function requireOpenIteration(state: ProposedInitiative): { pilot: Piloting; iteration: number } {
  const pilot = requirePiloting(state, 'record measurements');
  const open = openIterationOf(pilot);
  if (!open) {
    throw new RuleBroken('NoOpenIteration', 'Measurements are recorded inside an open iteration: start one first');
  }
  return { pilot, iteration: open.number };
}

function measurementRecorded(pilot: Piloting, iteration: number, reading: Reading, now: string): InitiativeEvent {
  if (!pilot.metrics.some((m) => m.metricId === reading.metricId)) {
    throw new RuleBroken(
      'UnknownMetric',
      `No success metric "${reading.metricId}" is defined for this initiative`,
      'metricId',
    );
  }
  if (!Number.isFinite(reading.value)) {
    throw new RuleBroken('MeasurementMustBeFinite', 'A measurement must be a finite number', 'value');
  }
  instant(reading.periodStart, 'periodStart');
  if (reading.cohort === 'CONTROL' && pilot.controlIds.length === 0) {
    throw new RuleBroken('NoControlCohort', 'This pilot has no control cohort to measure', 'cohort');
  }
  const participantId = reading.participantId ?? null;
  const cohort = reading.cohort === 'PILOT' ? pilot.participantIds : pilot.controlIds;
  if (participantId !== null && !cohort.includes(participantId)) {
    throw new RuleBroken(
      'ParticipantNotInCohort',
      `${participantId} is not in the ${reading.cohort === 'PILOT' ? 'pilot' : 'control'} cohort`,
      'participantId',
    );
  }
  return {
    type: 'MeasurementRecorded',
    data: {
      initiativeId: pilot.initiativeId,
      metricId: reading.metricId,
      iteration,
      value: reading.value,
      periodStart: reading.periodStart,
      cohort: reading.cohort,
      participantId,
      recordedAt: now,
    },
  };
}

function recordMeasurement(command: RecordMeasurement, state: ProposedInitiative): InitiativeEvent[] {
  const { pilot, iteration } = requireOpenIteration(state);
  return [measurementRecorded(pilot, iteration, command, command.now)];
}

/** Many readings in one decision: each under the rules of one, and a refused row refuses them all. */
function recordMeasurements(command: RecordMeasurements, state: ProposedInitiative): InitiativeEvent[] {
  const { pilot, iteration } = requireOpenIteration(state);
  return eachRow('readings', command.readings, (reading) =>
    measurementRecorded(pilot, iteration, reading, command.now),
  );
}

export type CompleteIteration = At & { type: 'CompleteIteration'; outcome: IterationOutcome; learnings: string };

function completeIteration(command: CompleteIteration, state: ProposedInitiative): InitiativeEvent[] {
  const pilot = requirePiloting(state, 'complete an iteration');
  const open = openIterationOf(pilot);
  if (!open) throw new RuleBroken('NoOpenIteration', 'There is no open iteration to complete');
  const learnings = text(
    command.learnings,
    LEARNINGS_MAX,
    'LearningsRequired',
    `Write down what the iteration taught you, in 1 to ${LEARNINGS_MAX} characters`,
    'learnings',
  );
  return [
    {
      type: 'IterationCompleted',
      data: {
        initiativeId: pilot.initiativeId,
        number: open.number,
        outcome: command.outcome,
        learnings,
        completedAt: command.now,
      },
    },
  ];
}

/** One metric's rule restated by a PIVOT: what it states replaces the metric's rule whole. */
export type MetricRuleRestatement = { metricId: string } & MetricRuleTerms;

export type RecordDecision = At & {
  type: 'RecordDecision';
  decisionId: string;
  kind: DecisionKind;
  rationale: string;
  revisedHypothesis: string | null;
  /** PIVOT only: the metrics whose rule changes from the next iteration on. */
  revisedRule?: MetricRuleRestatement[] | null;
  actor: string;
};

function restateRule(pilot: Piloting, restatements: MetricRuleRestatement[], decisionId: string, now: string) {
  const current = currentRuleOf(pilot);
  const restated = new Map<string, MetricRuleRestatement>();
  for (const restatement of restatements) {
    const metric = pilot.metrics.find((m) => m.metricId === restatement.metricId);
    if (!metric) {
      throw new RuleBroken(
        'UnknownMetric',
        `No success metric "${restatement.metricId}" is defined for this initiative`,
        'revisedRule',
      );
    }
    if (restated.has(metric.metricId)) {
      throw new RuleBroken('MetricRuleRepeated', `The rule of "${metric.name}" is restated twice`, 'revisedRule');
    }
    checkRuleTerms(metric.kind, restatement, (name) => `revisedRule.${name}`);
    restated.set(metric.metricId, restatement);
  }
  return {
    version: current.version + 1,
    since: now,
    decisionId,
    metrics: current.metrics.map((rule) => {
      const restatement = restated.get(rule.metricId);
      if (!restatement) return rule;
      return {
        metricId: rule.metricId,
        kind: rule.kind,
        minimumEffect: restatement.minimumEffect ?? null,
        maximumHarm: restatement.maximumHarm ?? null,
        confidence: restatement.confidence ?? null,
      };
    }),
  };
}

function recordDecision(command: RecordDecision, state: ProposedInitiative): InitiativeEvent[] {
  const pilot = requirePiloting(state, 'record a decision');
  const open = openIterationOf(pilot);
  if (open) {
    throw new RuleBroken('DecisionWhileIterationOpen', `Complete iteration ${open.number} before deciding`);
  }
  const completed = lastCompletedIterationOf(pilot);
  if (!completed) {
    throw new RuleBroken('DecisionNeedsCompletedIteration', 'Decide after at least one completed iteration');
  }
  if (pilot.decisions.some((d) => d.iteration === completed.number)) {
    throw new RuleBroken(
      'IterationAlreadyDecided',
      `Iteration ${completed.number} already has a decision: run the next iteration before deciding again`,
    );
  }
  const rationale = text(
    command.rationale,
    RATIONALE_MAX,
    'RationaleRequired',
    `Explain the decision in 1 to ${RATIONALE_MAX} characters`,
    'rationale',
  );
  const recommendation = recommendationFor(pilot, completed.number);
  const followsRule = recommendation === null ? null : recommendation.kind === command.kind;
  if (followsRule === false && rationale.length < OVERRIDE_RATIONALE_MIN) {
    throw new RuleBroken(
      'OverrideNeedsRationale',
      `The rule recommends ${recommendation!.kind}: deciding ${command.kind} instead needs a rationale of at least ${OVERRIDE_RATIONALE_MIN} characters saying why`,
      'rationale',
    );
  }
  const revised = command.revisedHypothesis ?? null;
  if (command.kind !== 'PIVOT' && revised !== null) {
    throw new RuleBroken(
      'HypothesisRevisedOnlyByPivot',
      'Only a PIVOT decision revises the hypothesis',
      'revisedHypothesis',
    );
  }
  const restatements = command.revisedRule ?? null;
  if (command.kind !== 'PIVOT' && restatements !== null) {
    throw new RuleBroken('RuleRestatedOnlyByPivot', 'Only a PIVOT decision restates the decision rule', 'revisedRule');
  }
  const { initiativeId } = pilot;
  const { decisionId } = command;
  const decided: InitiativeEvent = {
    type: 'DecisionRecorded',
    data: {
      initiativeId,
      decisionId,
      kind: command.kind,
      rationale,
      decidedBy: command.actor,
      decidedAt: command.now,
      iteration: completed.number,
      evidence: evidence(pilot),
      evidenceVersion: CURRENT_EVIDENCE_VERSION,
      rule: ruleForIteration(pilot, completed),
      recommendation,
      followsRule,
    },
  };
  switch (command.kind) {
    case 'PERSEVERE':
      return [decided];
    case 'PIVOT': {
      if (revised === null || revised.trim().length === 0) {
        throw new RuleBroken(
          'PivotNeedsRevisedHypothesis',
          'A pivot states the revised hypothesis',
          'revisedHypothesis',
        );
      }
      const statement = text(
        revised,
        HYPOTHESIS_MAX,
        'HypothesisLength',
        `The hypothesis must be 1 to ${HYPOTHESIS_MAX} characters long`,
        'revisedHypothesis',
      );
      const rule = restatements === null ? null : restateRule(pilot, restatements, decisionId, command.now);
      return [
        decided,
        { type: 'HypothesisRevised', data: { initiativeId, decisionId, previous: pilot.hypothesis, statement } },
        ...(rule === null ? [] : [{ type: 'DecisionRuleRestated' as const, data: { initiativeId, decisionId, rule } }]),
      ];
    }
    case 'SCALE':
      return [decided, { type: 'InitiativeScaled', data: { initiativeId, decisionId, scaledAt: command.now } }];
    case 'STOP':
      return [decided, { type: 'InitiativeStopped', data: { initiativeId, decisionId, stoppedAt: command.now } }];
    default:
      return unreachable(command.kind);
  }
}

export type SubmitFeedback = At & {
  type: 'SubmitFeedback';
  team: TeamSnapshot;
  feedbackId: string;
  authorId: string;
  /** Who sends the command; differs from the author when the feedback was heard and recorded for them. */
  recordedBy: string;
  kind: FeedbackKind;
  text: string;
};

function submitFeedback(command: SubmitFeedback, state: ProposedInitiative): InitiativeEvent[] {
  const team = requireOwnTeam(state, command.team);
  if (!team.members.has(command.authorId)) {
    throw new RuleBroken(
      'FeedbackAuthorMustBeTeamMember',
      'Feedback comes from current members of the team',
      'authorId',
    );
  }
  const feedback = text(
    command.text,
    FEEDBACK_MAX,
    'FeedbackLength',
    `Feedback must be 1 to ${FEEDBACK_MAX} characters long`,
    'text',
  );
  return [
    {
      type: 'FeedbackSubmitted',
      data: {
        initiativeId: state.initiativeId,
        feedbackId: command.feedbackId,
        authorId: command.authorId,
        recordedBy: command.recordedBy,
        kind: command.kind,
        text: feedback,
        submittedAt: command.now,
      },
    },
  ];
}

export type InitiativeCommand =
  | ProposeInitiative
  | StateHypothesis
  | DefineSuccessMetric
  | LaunchPilot
  | StartIteration
  | RecordMeasurement
  | RecordMeasurements
  | CompleteIteration
  | RecordDecision
  | SubmitFeedback;

export function decideInitiative(command: InitiativeCommand, state: InitiativeState): InitiativeEvent[] {
  if (command.type === 'ProposeInitiative') return proposeInitiative(command, state);
  if (state.status === 'NEW') {
    throw new RuleBroken('InitiativeNotProposed', 'There is no such initiative: propose it first');
  }
  switch (command.type) {
    case 'StateHypothesis':
      return stateHypothesis(command, state);
    case 'DefineSuccessMetric':
      return defineSuccessMetric(command, state);
    case 'LaunchPilot':
      return launchPilot(command, state);
    case 'StartIteration':
      return startIteration(command, state);
    case 'RecordMeasurement':
      return recordMeasurement(command, state);
    case 'RecordMeasurements':
      return recordMeasurements(command, state);
    case 'CompleteIteration':
      return completeIteration(command, state);
    case 'RecordDecision':
      return recordDecision(command, state);
    case 'SubmitFeedback':
      return submitFeedback(command, state);
    default:
      return unreachable(command);
  }
}

/** The initiative aggregate: one stream per initiative, folded by evolveInitiative, decided above. */
export const initiativeDecider: Decider<InitiativeCommand, InitiativeState, InitiativeEvent> &
  EntityType<InitiativeState, InitiativeEvent> = {
  entity: 'initiative',
  streamId: initiativeStreamId,
  initialState: () => initialInitiativeState,
  evolve: evolveInitiative,
  decide: decideInitiative,
};
