import { RuleBroken } from '../../shared/domain/rule-broken';
import { TeamSnapshot } from '../../teams/domain/team.state';
import { InitiativeCommand } from './initiative.commands';
import { InitiativeEvent } from './initiative.events';
import { evidence } from './initiative.figures';
import { InitiativeState, lastCompletedIterationOf, openIterationOf } from './initiative.state';

type Launched = Extract<InitiativeState, { status: 'PILOTING' }>;

function text(value: string, min: number, max: number, rule: string, message: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) throw new RuleBroken(rule, message, field);
  return trimmed;
}

function requirePiloting(state: InitiativeState, doing: string): Launched {
  if (state.status === 'PILOTING') return state;
  if (state.status === 'SCALED' || state.status === 'STOPPED') {
    throw new RuleBroken('InitiativeClosed', `The initiative is ${state.status.toLowerCase()}: no one can ${doing} any more`);
  }
  throw new RuleBroken('PilotNotLaunched', `Launch the pilot before you ${doing}`);
}

function requireBeforeLaunch(state: InitiativeState, rule: string, message: string) {
  if (state.status === 'PROPOSED' || state.status === 'DEFINED') return state;
  if (state.status === 'SCALED' || state.status === 'STOPPED') {
    throw new RuleBroken('InitiativeClosed', `The initiative is ${state.status.toLowerCase()}: it can no longer change`);
  }
  throw new RuleBroken(rule, message);
}

function checkCohorts(team: TeamSnapshot, ownerId: string, participantIds: string[], controlIds: string[]): void {
  if (team.members.get(ownerId) !== 'MANAGER') {
    throw new RuleBroken('PilotOwnerMustBeManager', 'The pilot owner must be a manager of the team', 'ownerId');
  }
  if (participantIds.length === 0) {
    throw new RuleBroken('PilotNeedsParticipants', 'A pilot needs at least one participant', 'participantIds');
  }
  for (const [field, ids] of [
    ['participantIds', participantIds],
    ['controlIds', controlIds],
  ] as const) {
    if (new Set(ids).size !== ids.length) {
      throw new RuleBroken('CohortMemberRepeated', `${field} names the same person twice`, field);
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
    throw new RuleBroken('CohortsMustBeDisjoint', `${both} cannot be both in the pilot and in the control group`, 'controlIds');
  }
}

export function decideInitiative(command: InitiativeCommand, state: InitiativeState): InitiativeEvent[] {
  if (command.type === 'ProposeInitiative') {
    if (state.status !== 'NEW') {
      throw new RuleBroken('InitiativeAlreadyProposed', `An initiative with id "${command.initiativeId}" already exists`, 'initiativeId');
    }
    const title = text(command.title, 1, 200, 'TitleLength', 'The title must be 1 to 200 characters long', 'title');
    const problem = text(command.problem, 1, 4000, 'ProblemLength', 'The problem must be 1 to 4000 characters long', 'problem');
    const { headcount, impactThreshold, teamId } = command.team;
    if (!Number.isInteger(command.potentialReach) || command.potentialReach < 1 || command.potentialReach > headcount) {
      throw new RuleBroken(
        'PotentialReachOutOfRange',
        `The potential reach must be between 1 and the team headcount (${headcount})`,
        'potentialReach',
      );
    }
    const share = command.potentialReach / headcount;
    const initiativeId = command.initiativeId;
    return [
      {
        type: 'InitiativeProposed',
        data: {
          initiativeId,
          teamId,
          title,
          problem,
          potentialReach: command.potentialReach,
          proposedBy: command.actor,
          proposedAt: command.now,
        },
      },
      {
        type: 'ImpactAssessed',
        data: {
          initiativeId,
          potentialReach: command.potentialReach,
          headcount,
          share,
          impactThreshold,
          recommendation: share < impactThreshold ? 'DELEGATE_TO_MANAGER' : 'DIRECTOR_LED',
        },
      },
    ];
  }
  if (state.status === 'NEW') throw new RuleBroken('InitiativeNotProposed', 'There is no such initiative');
  const initiativeId = state.initiativeId;

  switch (command.type) {
    case 'StateHypothesis': {
      requireBeforeLaunch(
        state,
        'HypothesisOnlyBeforeLaunch',
        'The hypothesis is set before launch; after launch, revise it with a PIVOT decision',
      );
      const statement = text(command.statement, 1, 2000, 'HypothesisLength', 'The hypothesis must be 1 to 2000 characters long', 'statement');
      return [{ type: 'HypothesisStated', data: { initiativeId, statement } }];
    }
    case 'DefineSuccessMetric': {
      const before = requireBeforeLaunch(
        state,
        'MetricsOnlyBeforeLaunch',
        'Success is defined before the first step: metrics cannot be added after launch',
      );
      const { baseline, target, direction } = command;
      if (!Number.isFinite(baseline) || !Number.isFinite(target)) {
        throw new RuleBroken('MetricValuesMustBeFinite', 'Baseline and target must be finite numbers', 'baseline');
      }
      if (baseline === target) {
        throw new RuleBroken('BaselineEqualsTarget', 'The target must differ from the baseline', 'target');
      }
      if ((direction === 'INCREASE') !== target > baseline) {
        throw new RuleBroken(
          'TargetAgainstDirection',
          direction === 'INCREASE'
            ? 'For a metric that should increase, the target must be above the baseline'
            : 'For a metric that should decrease, the target must be below the baseline',
          'target',
        );
      }
      const name = text(command.name, 1, 120, 'MetricNameLength', 'The metric name must be 1 to 120 characters long', 'name');
      if (before.metrics.some((m) => m.metricId === command.metricId)) {
        throw new RuleBroken('MetricAlreadyDefined', `A metric with id "${command.metricId}" is already defined`, 'metricId');
      }
      if (before.metrics.some((m) => m.name.toLowerCase() === name.toLowerCase())) {
        throw new RuleBroken('MetricNameTaken', `A metric named "${name}" is already defined`, 'name');
      }
      return [
        {
          type: 'SuccessMetricDefined',
          data: {
            initiativeId,
            metricId: command.metricId,
            name,
            unit: command.unit.trim(),
            direction,
            baseline,
            target,
            cadence: command.cadence,
            source: command.source.trim(),
            kind: command.kind,
          },
        },
      ];
    }
    case 'LaunchPilot': {
      if (state.status !== 'DEFINED') {
        throw new RuleBroken(
          state.status === 'PROPOSED' ? 'PilotNeedsDefinedInitiative' : 'PilotAlreadyLaunched',
          state.status === 'PROPOSED'
            ? 'State the hypothesis and define a primary success metric before launching the pilot'
            : 'The pilot is already launched',
        );
      }
      checkCohorts(command.team, command.ownerId, command.participantIds, command.controlIds);
      return [
        {
          type: 'PilotLaunched',
          data: {
            initiativeId,
            ownerId: command.ownerId,
            participantIds: command.participantIds,
            controlIds: command.controlIds,
            launchedAt: command.now,
          },
        },
      ];
    }
    case 'StartIteration': {
      const pilot = requirePiloting(state, 'start an iteration');
      const open = openIterationOf(pilot);
      if (open) {
        throw new RuleBroken('IterationAlreadyOpen', `Iteration ${open.number} is still open: complete it first`);
      }
      if (!(command.plannedEndAt > command.now)) {
        throw new RuleBroken('PlannedEndInThePast', 'The planned end of an iteration must be in the future', 'plannedEndAt');
      }
      const change = text(command.change, 1, 2000, 'ChangeLength', 'Describe the change in 1 to 2000 characters', 'change');
      return [
        {
          type: 'IterationStarted',
          data: {
            initiativeId,
            number: pilot.iterations.length + 1,
            change,
            startedAt: command.now,
            plannedEndAt: command.plannedEndAt,
          },
        },
      ];
    }
    case 'RecordMeasurement': {
      const pilot = requirePiloting(state, 'record measurements');
      if (!pilot.metrics.some((m) => m.metricId === command.metricId)) {
        throw new RuleBroken('UnknownMetric', `No success metric "${command.metricId}" is defined for this initiative`, 'metricId');
      }
      const open = openIterationOf(pilot);
      if (!open) throw new RuleBroken('NoOpenIteration', 'Measurements are recorded inside an open iteration: start one first');
      if (!Number.isFinite(command.value)) {
        throw new RuleBroken('MeasurementMustBeFinite', 'A measurement must be a finite number', 'value');
      }
      if (command.cohort === 'CONTROL' && pilot.controlIds.length === 0) {
        throw new RuleBroken('NoControlCohort', 'This pilot has no control group to measure', 'cohort');
      }
      const cohort = command.cohort === 'PILOT' ? pilot.participantIds : pilot.controlIds;
      if (command.participantId !== null && !cohort.includes(command.participantId)) {
        throw new RuleBroken(
          'ParticipantNotInCohort',
          `${command.participantId} is not in the ${command.cohort.toLowerCase()} cohort`,
          'participantId',
        );
      }
      return [
        {
          type: 'MeasurementRecorded',
          data: {
            initiativeId,
            metricId: command.metricId,
            iteration: open.number,
            value: command.value,
            periodStart: command.periodStart,
            cohort: command.cohort,
            participantId: command.participantId,
            recordedAt: command.now,
          },
        },
      ];
    }
    case 'CompleteIteration': {
      const pilot = requirePiloting(state, 'complete an iteration');
      const open = openIterationOf(pilot);
      if (!open) throw new RuleBroken('NoOpenIteration', 'There is no open iteration to complete');
      const learnings = text(command.learnings, 1, 4000, 'LearningsRequired', 'Write down what the iteration taught you', 'learnings');
      return [
        {
          type: 'IterationCompleted',
          data: { initiativeId, number: open.number, outcome: command.outcome, learnings, completedAt: command.now },
        },
      ];
    }
    case 'RecordDecision': {
      const pilot = requirePiloting(state, 'record a decision');
      const open = openIterationOf(pilot);
      if (open) {
        throw new RuleBroken('DecisionWhileIterationOpen', `Complete iteration ${open.number} before deciding`);
      }
      const completed = lastCompletedIterationOf(pilot);
      if (!completed) {
        throw new RuleBroken('DecisionNeedsCompletedIteration', 'Decide after at least one completed iteration');
      }
      if (pilot.decidedIterations.includes(completed.number)) {
        throw new RuleBroken(
          'IterationAlreadyDecided',
          `Iteration ${completed.number} already has a decision: start the next iteration first`,
        );
      }
      const rationale = text(command.rationale, 1, 4000, 'RationaleRequired', 'Explain the decision in 1 to 4000 characters', 'rationale');
      const decided: InitiativeEvent = {
        type: 'DecisionRecorded',
        data: {
          initiativeId,
          decisionId: command.decisionId,
          kind: command.kind,
          rationale,
          decidedBy: command.actor,
          decidedAt: command.now,
          iteration: completed.number,
          evidence: evidence(pilot),
        },
      };
      switch (command.kind) {
        case 'PERSEVERE':
          return [decided];
        case 'PIVOT': {
          const statement = command.revisedHypothesis?.trim() ?? '';
          if (statement.length === 0) {
            throw new RuleBroken('PivotNeedsRevisedHypothesis', 'A pivot states the revised hypothesis', 'revisedHypothesis');
          }
          return [
            decided,
            {
              type: 'HypothesisRevised',
              data: { initiativeId, decisionId: command.decisionId, previous: pilot.hypothesis, statement },
            },
          ];
        }
        case 'SCALE':
          return [decided, { type: 'InitiativeScaled', data: { initiativeId, decisionId: command.decisionId, scaledAt: command.now } }];
        case 'STOP':
          return [
            decided,
            { type: 'InitiativeStopped', data: { initiativeId, decisionId: command.decisionId, stoppedAt: command.now } },
          ];
      }
      break;
    }
    case 'SubmitFeedback': {
      if (!command.team.members.has(command.authorId)) {
        throw new RuleBroken('FeedbackAuthorMustBeTeamMember', 'Feedback comes from members of the team', 'authorId');
      }
      const feedback = text(command.text, 1, 2000, 'FeedbackLength', 'Feedback must be 1 to 2000 characters long', 'text');
      return [
        {
          type: 'FeedbackSubmitted',
          data: {
            initiativeId,
            feedbackId: command.feedbackId,
            authorId: command.authorId,
            kind: command.kind,
            text: feedback,
            submittedAt: command.now,
          },
        },
      ];
    }
  }
  throw new RuleBroken('UnknownCommand', 'This command is not understood');
}
