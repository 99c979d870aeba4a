import { streamIdOf } from '../../shared/domain/decider';

export type InitiativeStatus = 'PROPOSED' | 'DEFINED' | 'PILOTING' | 'SCALED' | 'STOPPED';
export type ImpactRecommendation = 'DIRECTOR_LED' | 'DELEGATE_TO_MANAGER';
export type MetricDirection = 'INCREASE' | 'DECREASE';
export type MetricCadence = 'DAILY' | 'WEEKLY' | 'MONTHLY';
export type MetricKind = 'PRIMARY' | 'GUARDRAIL';
export type Cohort = 'PILOT' | 'CONTROL';
export type IterationOutcome = 'VALIDATED' | 'INVALIDATED' | 'INCONCLUSIVE';
export type DecisionKind = 'PERSEVERE' | 'PIVOT' | 'SCALE' | 'STOP';
export type FeedbackKind = 'SUGGESTION' | 'CONCERN' | 'PRAISE';

export interface CohortStats {
  n: number;
  mean: number | null;
  sd: number | null;
}

/** Welch's comparison of the PILOT and CONTROL readings of one metric in one iteration. */
export interface CohortComparison {
  metricId: string;
  iteration: number;
  pilot: CohortStats;
  control: CohortStats;
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
}

export interface MetricEvidence {
  metricId: string;
  name: string;
  baseline: number;
  target: number;
  latest: number | null;
  progress: number | null;
  comparison: CohortComparison | null;
}

export type InitiativeProposed = {
  type: 'InitiativeProposed';
  data: {
    initiativeId: string;
    teamId: string;
    title: string;
    problem: string;
    potentialReach: number;
    proposedBy: string;
    proposedAt: string;
  };
};
export type ImpactAssessed = {
  type: 'ImpactAssessed';
  data: {
    initiativeId: string;
    potentialReach: number;
    headcount: number;
    share: number;
    impactThreshold: number;
    recommendation: ImpactRecommendation;
  };
};
export type HypothesisStated = {
  type: 'HypothesisStated';
  data: { initiativeId: string; statement: string };
};
/** What success looks like for one metric, defined before launch. */
export interface MetricDefinition {
  metricId: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  cadence: MetricCadence;
  source: string;
  kind: MetricKind;
}
export type SuccessMetricDefined = {
  type: 'SuccessMetricDefined';
  data: { initiativeId: string } & MetricDefinition;
};
export type PilotLaunched = {
  type: 'PilotLaunched';
  data: { initiativeId: string; ownerId: string; participantIds: string[]; controlIds: string[]; launchedAt: string };
};
export type IterationStarted = {
  type: 'IterationStarted';
  data: { initiativeId: string; number: number; change: string; startedAt: string; plannedEndAt: string };
};
export type MeasurementRecorded = {
  type: 'MeasurementRecorded';
  data: {
    initiativeId: string;
    metricId: string;
    iteration: number;
    value: number;
    periodStart: string;
    cohort: Cohort;
    participantId: string | null;
    recordedAt: string;
  };
};
export type IterationCompleted = {
  type: 'IterationCompleted';
  data: { initiativeId: string; number: number; outcome: IterationOutcome; learnings: string; completedAt: string };
};
export type DecisionRecorded = {
  type: 'DecisionRecorded';
  data: {
    initiativeId: string;
    decisionId: string;
    kind: DecisionKind;
    rationale: string;
    decidedBy: string;
    decidedAt: string;
    iteration: number;
    evidence: MetricEvidence[];
  };
};
export type HypothesisRevised = {
  type: 'HypothesisRevised';
  data: { initiativeId: string; decisionId: string; previous: string | null; statement: string };
};
export type InitiativeScaled = {
  type: 'InitiativeScaled';
  data: { initiativeId: string; decisionId: string; scaledAt: string };
};
export type InitiativeStopped = {
  type: 'InitiativeStopped';
  data: { initiativeId: string; decisionId: string; stoppedAt: string };
};
export type FeedbackSubmitted = {
  type: 'FeedbackSubmitted';
  data: {
    initiativeId: string;
    feedbackId: string;
    /** Whose words these are: a member of the team. */
    authorId: string;
    /** Who put them in: the author, or a director or manager recording what a member told them. */
    recordedBy: string;
    kind: FeedbackKind;
    text: string;
    submittedAt: string;
  };
};

export type InitiativeEvent =
  | InitiativeProposed
  | ImpactAssessed
  | HypothesisStated
  | SuccessMetricDefined
  | PilotLaunched
  | IterationStarted
  | MeasurementRecorded
  | IterationCompleted
  | DecisionRecorded
  | HypothesisRevised
  | InitiativeScaled
  | InitiativeStopped
  | FeedbackSubmitted;
export type InitiativeEventType = InitiativeEvent['type'];

export const initiativeStreamId = (initiativeId: string): string => streamIdOf('initiative', initiativeId);
