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
  /** Units: people (the mean of their readings in the iteration), or readings recorded without a person. */
  n: number;
  mean: number | null;
  sd: number | null;
  /** Readings behind the units; absent from evidence frozen before units were counted. */
  readings?: number;
}

export type PermutationMethod = 'EXACT' | 'MONTE_CARLO';

/**
 * The PILOT and CONTROL units of one metric in one iteration compared: Welch's t-test, the
 * permutation test and, when the same people have readings from before the launch, the
 * difference adjusted for their baseline. The fields after `pValue` are absent from evidence
 * frozen before they existed (evidence version 1).
 */
export interface CohortComparison {
  metricId: string;
  iteration: number;
  pilot: CohortStats;
  control: CohortStats;
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
  permutationPValue?: number | null;
  permutationMethod?: PermutationMethod | null;
  permutations?: number | null;
  baselineAdjustedDifference?: number | null;
  baselineAdjustedCiLow?: number | null;
  baselineAdjustedCiHigh?: number | null;
}

/** What one metric's rule says, as written before launch or restated by a PIVOT. */
export interface MetricRule {
  metricId: string;
  kind: MetricKind;
  /** PRIMARY: the smallest pilot-minus-control difference worth scaling for, in the metric's units and direction. */
  minimumEffect: number | null;
  /** GUARDRAIL: how much worse than the control the pilot may get, in the metric's units. */
  maximumHarm: number | null;
  /** How sure the evidence must be, 0.5 to 0.999; 0.95 when a rule leaves it out. */
  confidence: number | null;
}

/** The decision rule: every metric's rule, frozen at launch (version 1) and restated only by a PIVOT. */
export interface DecisionRule {
  version: number;
  /** When this version took effect: the launch, or the PIVOT that restated it. */
  since: string | null;
  /** The PIVOT decision that restated it; null for the rule frozen at launch. */
  decisionId: string | null;
  metrics: MetricRule[];
}

/** What the rule says to do with the evidence of a completed iteration, and why, in words. */
export interface Recommendation {
  kind: DecisionKind;
  reasons: string[];
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
  minimumEffect: number | null;
  maximumHarm: number | null;
  confidence: number | null;
  /** A stated standard deviation of one person's reading, for the design check before any reading exists. */
  baselineSpread: number | null;
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
    /** Which definition of the figures the evidence follows: 1 readings as independent, 2 people as units. */
    evidenceVersion: number;
    /** The rule in force for the iteration decided on; null when none was written. */
    rule: DecisionRule | null;
    recommendation: Recommendation | null;
    /** Whether the decision is the one the rule recommended; null without a rule. */
    followsRule: boolean | null;
  };
};
export type DecisionRuleRestated = {
  type: 'DecisionRuleRestated';
  data: { initiativeId: string; decisionId: string; rule: DecisionRule };
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
  | DecisionRuleRestated
  | HypothesisRevised
  | InitiativeScaled
  | InitiativeStopped
  | FeedbackSubmitted;
export type InitiativeEventType = InitiativeEvent['type'];

export const initiativeStreamId = (initiativeId: string): string => streamIdOf('initiative', initiativeId);
