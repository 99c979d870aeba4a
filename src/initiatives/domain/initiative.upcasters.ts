import type { EventData, Upcaster } from '../../shared/domain/upcasting';
import { roundFigure, roundPValue } from '../../shared/statistics/precision';
import type { CohortComparison, CohortStats, InitiativeEventType, MetricEvidence } from './initiative.events';

/** Raise a version here, and add its upcaster below, whenever the shape of a stored initiative event changes. */
export const INITIATIVE_SCHEMA_VERSIONS: Readonly<Record<InitiativeEventType, number>> = {
  InitiativeProposed: 1,
  ImpactAssessed: 2,
  HypothesisStated: 1,
  SuccessMetricDefined: 3,
  PilotLaunched: 1,
  IterationStarted: 1,
  MeasurementRecorded: 1,
  IterationCompleted: 1,
  DecisionRecorded: 3,
  DecisionRuleRestated: 1,
  HypothesisRevised: 1,
  InitiativeScaled: 1,
  InitiativeStopped: 1,
  FeedbackSubmitted: 2,
};

/** Every initiative event type: the keys of the versions above, so none can be left out. */
export const INITIATIVE_EVENT_TYPES = Object.keys(INITIATIVE_SCHEMA_VERSIONS) as InitiativeEventType[];

export const initiativeUpcasters: readonly Upcaster[] = [
  {
    // Before guardrails existed every metric was a primary one. A kind already present is kept:
    // early builds wrote it while still labelling the event version 1.
    type: 'SuccessMetricDefined',
    fromVersion: 1,
    upcast: (data) => ({ ...data, kind: data.kind ?? 'PRIMARY' }),
  },
  {
    // Metrics defined before decision rules existed carry no rule.
    type: 'SuccessMetricDefined',
    fromVersion: 2,
    upcast: (data) => ({
      ...data,
      minimumEffect: data.minimumEffect ?? null,
      maximumHarm: data.maximumHarm ?? null,
      confidence: data.confidence ?? null,
      baselineSpread: data.baselineSpread ?? null,
    }),
  },
  {
    // Derived figures are rounded where they are derived since version 2; older shares are read the same way.
    type: 'ImpactAssessed',
    fromVersion: 1,
    upcast: (data) => ({ ...data, share: roundFigure(data.share as number) }),
  },
  {
    // Evidence frozen before figures were rounded reads as it would be frozen today, so decision replay
    // compares it with the recomputed evidence digit for digit; the stored bytes stay as they were.
    type: 'DecisionRecorded',
    fromVersion: 1,
    upcast: roundEvidenceOf,
  },
  {
    // Decisions recorded before rules existed froze readings-as-independent figures (evidence
    // version 1) and no rule. Early builds with rules labelled their decisions version 2 before
    // figures were rounded: their fields are kept and their evidence rounded, which leaves
    // evidence rounded already unchanged.
    type: 'DecisionRecorded',
    fromVersion: 2,
    upcast: (data) => ({
      ...roundEvidenceOf(data),
      evidenceVersion: data.evidenceVersion ?? 1,
      rule: data.rule ?? null,
      recommendation: data.recommendation ?? null,
      followsRule: data.followsRule ?? null,
    }),
  },
  {
    // Feedback has said who recorded it since version 2. Before, whoever sent the command is the one the
    // event's metadata names, so older feedback shows who really put it in rather than passing for the author's.
    type: 'FeedbackSubmitted',
    fromVersion: 1,
    upcast: (data, { actor }) => ({ ...data, recordedBy: data.recordedBy ?? actor ?? data.authorId }),
  },
];

function roundEvidenceOf(data: EventData): EventData {
  return { ...data, evidence: (data.evidence as MetricEvidence[]).map(roundedEvidence) };
}

function roundedEvidence(evidence: MetricEvidence): MetricEvidence {
  return {
    ...evidence,
    latest: roundFigure(evidence.latest),
    progress: roundFigure(evidence.progress),
    comparison: evidence.comparison && roundedComparison(evidence.comparison),
  };
}

function roundedComparison(comparison: CohortComparison): CohortComparison {
  const stats = (cohort: CohortStats): CohortStats => ({
    ...cohort,
    mean: roundFigure(cohort.mean),
    sd: roundFigure(cohort.sd),
  });
  return {
    ...comparison,
    pilot: stats(comparison.pilot),
    control: stats(comparison.control),
    difference: roundFigure(comparison.difference),
    ciLow: roundFigure(comparison.ciLow),
    ciHigh: roundFigure(comparison.ciHigh),
    pValue: roundPValue(comparison.pValue),
    // Figures of evidence version 2 only: rounded where present, left absent from version 1.
    ...present('permutationPValue', comparison.permutationPValue, roundPValue),
    ...present('baselineAdjustedDifference', comparison.baselineAdjustedDifference, roundFigure),
    ...present('baselineAdjustedCiLow', comparison.baselineAdjustedCiLow, roundFigure),
    ...present('baselineAdjustedCiHigh', comparison.baselineAdjustedCiHigh, roundFigure),
  };
}

function present<K extends keyof CohortComparison>(
  field: K,
  value: number | null | undefined,
  round: (value: number | null) => number | null,
): Partial<CohortComparison> {
  return value === undefined ? {} : { [field]: round(value) };
}
