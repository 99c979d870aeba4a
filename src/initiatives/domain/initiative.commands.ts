import { TeamSnapshot } from '../../teams/domain/team.state';
import {
  Cohort,
  DecisionKind,
  FeedbackKind,
  IterationOutcome,
  MetricCadence,
  MetricDirection,
  MetricKind,
} from './initiative.events';

type At = { now: string };

export type ProposeInitiative = At & {
  type: 'ProposeInitiative';
  initiativeId: string;
  team: TeamSnapshot;
  title: string;
  problem: string;
  potentialReach: number;
  actor: string;
};
export type StateHypothesis = At & { type: 'StateHypothesis'; statement: string };
export type DefineSuccessMetric = At & {
  type: 'DefineSuccessMetric';
  metricId: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  cadence: MetricCadence;
  source: string;
  kind: MetricKind;
};
export type LaunchPilot = At & {
  type: 'LaunchPilot';
  team: TeamSnapshot;
  ownerId: string;
  participantIds: string[];
  controlIds: string[];
};
export type StartIteration = At & { type: 'StartIteration'; change: string; plannedEndAt: string };
export type RecordMeasurement = At & {
  type: 'RecordMeasurement';
  metricId: string;
  value: number;
  periodStart: string;
  cohort: Cohort;
  participantId: string | null;
};
export type CompleteIteration = At & { type: 'CompleteIteration'; outcome: IterationOutcome; learnings: string };
export type RecordDecision = At & {
  type: 'RecordDecision';
  decisionId: string;
  kind: DecisionKind;
  rationale: string;
  revisedHypothesis: string | null;
  actor: string;
};
export type SubmitFeedback = At & {
  type: 'SubmitFeedback';
  team: TeamSnapshot;
  feedbackId: string;
  authorId: string;
  kind: FeedbackKind;
  text: string;
};

export type InitiativeCommand =
  | ProposeInitiative
  | StateHypothesis
  | DefineSuccessMetric
  | LaunchPilot
  | StartIteration
  | RecordMeasurement
  | CompleteIteration
  | RecordDecision
  | SubmitFeedback;
