import type { Upcaster } from '../../shared/domain/upcasting';
import type { InitiativeEventType } from './initiative.events';

/** Raise a version here, and add its upcaster below, whenever the shape of a stored initiative event changes. */
export const INITIATIVE_SCHEMA_VERSIONS: Readonly<Record<InitiativeEventType, number>> = {
  InitiativeProposed: 1,
  ImpactAssessed: 1,
  HypothesisStated: 1,
  SuccessMetricDefined: 3,
  PilotLaunched: 1,
  IterationStarted: 1,
  MeasurementRecorded: 1,
  IterationCompleted: 1,
  DecisionRecorded: 2,
  DecisionRuleRestated: 1,
  HypothesisRevised: 1,
  InitiativeScaled: 1,
  InitiativeStopped: 1,
  FeedbackSubmitted: 1,
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
    // Decisions recorded before rules existed froze readings-as-independent figures and no rule.
    type: 'DecisionRecorded',
    fromVersion: 1,
    upcast: (data) => ({
      ...data,
      evidenceVersion: data.evidenceVersion ?? 1,
      rule: data.rule ?? null,
      recommendation: data.recommendation ?? null,
      followsRule: data.followsRule ?? null,
    }),
  },
];
