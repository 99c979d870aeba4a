import { AppendOnlyList } from '../../shared/domain/append-only-list';
import { currentRuleOf, ruleOf } from './initiative.rule';
import { ignoreUnknownEvent } from '../../shared/domain/exhaustive';
import {
  Cohort,
  DecisionKind,
  DecisionRule,
  ImpactRecommendation,
  InitiativeEvent,
  IterationOutcome,
  MetricDefinition,
  MetricKind,
} from './initiative.events';

export type { MetricDefinition };

export interface IterationFacts {
  number: number;
  startedAt: string;
  plannedEndAt: string;
  completedAt: string | null;
  outcome: IterationOutcome | null;
  /** The version of the decision rule in force when the iteration started. */
  ruleVersion: number;
}

export interface Measurement {
  metricId: string;
  iteration: number;
  cohort: Cohort;
  participantId: string | null;
  periodStart: string;
  value: number;
}

export interface DecisionFacts {
  decisionId: string;
  kind: DecisionKind;
  /** The completed iteration the decision closes. */
  iteration: number;
  decidedAt: string;
}

interface Proposal {
  initiativeId: string;
  teamId: string;
  proposedAt: string;
  recommendation: ImpactRecommendation;
  hypothesis: string | null;
  /** In definition order, which is the order evidence lists them in. */
  metrics: readonly MetricDefinition[];
}

interface Pilot extends Proposal {
  hypothesis: string;
  ownerId: string;
  participantIds: readonly string[];
  controlIds: readonly string[];
  launchedAt: string;
  iterations: readonly IterationFacts[];
  /** Every reading of the pilot; appended in O(1), so folding a long stream stays linear. */
  measurements: AppendOnlyList<Measurement>;
  decisions: readonly DecisionFacts[];
  /** Every version of the decision rule, the one frozen at launch first. */
  rules: readonly DecisionRule[];
}

export type InitiativeState =
  | { status: 'NEW' }
  | (Proposal & { status: 'PROPOSED' })
  | (Proposal & { status: 'DEFINED'; hypothesis: string })
  | (Pilot & { status: 'PILOTING' })
  | (Pilot & { status: 'SCALED' })
  | (Pilot & { status: 'STOPPED' });

export type ProposedInitiative = Exclude<InitiativeState, { status: 'NEW' }>;
export type LaunchedInitiative = Extract<InitiativeState, { status: 'PILOTING' | 'SCALED' | 'STOPPED' }>;

export const initialInitiativeState: InitiativeState = { status: 'NEW' };

/** DEFINED is derived, never commanded: a hypothesis and at least one primary metric. */
export function isDefined(proposal: { hypothesis: string | null; metrics: readonly { kind: MetricKind }[] }): boolean {
  return proposal.hypothesis !== null && proposal.metrics.some((m) => m.kind === 'PRIMARY');
}

function withReadiness(proposal: Proposal): InitiativeState {
  const { hypothesis } = proposal;
  if (hypothesis !== null && isDefined(proposal)) return { ...proposal, hypothesis, status: 'DEFINED' };
  return { ...proposal, status: 'PROPOSED' };
}

export function evolveInitiative(state: InitiativeState, event: InitiativeEvent): InitiativeState {
  switch (event.type) {
    case 'InitiativeProposed':
      return {
        status: 'PROPOSED',
        initiativeId: event.data.initiativeId,
        teamId: event.data.teamId,
        proposedAt: event.data.proposedAt,
        recommendation: 'DIRECTOR_LED',
        hypothesis: null,
        metrics: [],
      };
    case 'ImpactAssessed':
      return state.status === 'NEW' ? state : { ...state, recommendation: event.data.recommendation };
    case 'HypothesisStated':
      if (state.status !== 'PROPOSED' && state.status !== 'DEFINED') return state;
      return withReadiness({ ...state, hypothesis: event.data.statement });
    case 'SuccessMetricDefined': {
      if (state.status !== 'PROPOSED' && state.status !== 'DEFINED') return state;
      const { initiativeId: _initiativeId, ...metric } = event.data;
      return withReadiness({ ...state, metrics: [...state.metrics, metric] });
    }
    case 'PilotLaunched':
      if (state.status !== 'DEFINED') return state;
      return {
        ...state,
        status: 'PILOTING',
        ownerId: event.data.ownerId,
        participantIds: event.data.participantIds,
        controlIds: event.data.controlIds,
        launchedAt: event.data.launchedAt,
        iterations: [],
        measurements: AppendOnlyList.empty(),
        decisions: [],
        rules: [ruleOf(state.metrics, { version: 1, since: event.data.launchedAt, decisionId: null })],
      };
    case 'IterationStarted': {
      if (state.status !== 'PILOTING') return state;
      const { number, startedAt, plannedEndAt } = event.data;
      return {
        ...state,
        iterations: [
          ...state.iterations,
          {
            number,
            startedAt,
            plannedEndAt,
            completedAt: null,
            outcome: null,
            ruleVersion: currentRuleOf(state).version,
          },
        ],
      };
    }
    case 'MeasurementRecorded': {
      if (state.status !== 'PILOTING') return state;
      const { metricId, iteration, cohort, participantId, periodStart, value } = event.data;
      return {
        ...state,
        measurements: state.measurements.append({ metricId, iteration, cohort, participantId, periodStart, value }),
      };
    }
    case 'IterationCompleted': {
      if (state.status !== 'PILOTING') return state;
      const { number, completedAt, outcome } = event.data;
      return {
        ...state,
        iterations: state.iterations.map((it) => (it.number === number ? { ...it, completedAt, outcome } : it)),
      };
    }
    case 'DecisionRecorded': {
      if (state.status !== 'PILOTING') return state;
      const { decisionId, kind, iteration, decidedAt } = event.data;
      return { ...state, decisions: [...state.decisions, { decisionId, kind, iteration, decidedAt }] };
    }
    case 'DecisionRuleRestated':
      return state.status === 'PILOTING' ? { ...state, rules: [...state.rules, event.data.rule] } : state;
    case 'HypothesisRevised':
      return state.status === 'PILOTING' ? { ...state, hypothesis: event.data.statement } : state;
    case 'InitiativeScaled':
      return state.status === 'PILOTING' ? { ...state, status: 'SCALED' } : state;
    case 'InitiativeStopped':
      return state.status === 'PILOTING' ? { ...state, status: 'STOPPED' } : state;
    case 'FeedbackSubmitted':
      return state;
    default:
      return ignoreUnknownEvent(event, state);
  }
}

type Iterations<Iteration> = { iterations: readonly Iteration[] };

/** The iteration still running: the last one, while it has no completion. */
export function openIterationOf<Iteration extends { completedAt: string | null }>(
  pilot: Iterations<Iteration>,
): Iteration | null {
  const last = pilot.iterations[pilot.iterations.length - 1];
  return last && last.completedAt === null ? last : null;
}

export function lastCompletedIterationOf<Iteration extends { completedAt: string | null }>(
  pilot: Iterations<Iteration>,
): Iteration | null {
  for (let i = pilot.iterations.length - 1; i >= 0; i--) {
    if (pilot.iterations[i].completedAt !== null) return pilot.iterations[i];
  }
  return null;
}
