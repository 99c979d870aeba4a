import {
  Cohort,
  DecisionKind,
  ImpactRecommendation,
  InitiativeEvent,
  IterationOutcome,
  MetricDirection,
  MetricKind,
} from './initiative.events';

export interface MetricDefinition {
  metricId: string;
  name: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  kind: MetricKind;
}

export interface IterationFacts {
  number: number;
  startedAt: string;
  plannedEndAt: string;
  completedAt: string | null;
  outcome: IterationOutcome | null;
}

export interface Reading {
  metricId: string;
  iteration: number;
  cohort: Cohort;
  periodStart: string;
  value: number;
}

interface Proposed {
  initiativeId: string;
  teamId: string;
  recommendation: ImpactRecommendation;
  hypothesis: string | null;
  metrics: readonly MetricDefinition[];
}

interface Launched extends Proposed {
  ownerId: string;
  participantIds: readonly string[];
  controlIds: readonly string[];
  iterations: readonly IterationFacts[];
  readings: readonly Reading[];
  /** Numbers of the iterations a decision has closed. */
  decidedIterations: readonly number[];
}

export type InitiativeState =
  | { status: 'NEW' }
  | (Proposed & { status: 'PROPOSED' | 'DEFINED' })
  | (Launched & { status: 'PILOTING' })
  | (Launched & { status: 'SCALED' | 'STOPPED'; closedBy: DecisionKind });

export const initialInitiativeState: InitiativeState = { status: 'NEW' };

/** DEFINED = a hypothesis and at least one primary metric. */
function readiness(state: Proposed): 'PROPOSED' | 'DEFINED' {
  return state.hypothesis !== null && state.metrics.some((m) => m.kind === 'PRIMARY') ? 'DEFINED' : 'PROPOSED';
}

export function evolveInitiative(state: InitiativeState, event: InitiativeEvent): InitiativeState {
  switch (event.type) {
    case 'InitiativeProposed':
      return {
        status: 'PROPOSED',
        initiativeId: event.data.initiativeId,
        teamId: event.data.teamId,
        recommendation: 'DIRECTOR_LED',
        hypothesis: null,
        metrics: [],
      };
    case 'ImpactAssessed':
      return state.status === 'NEW' ? state : { ...state, recommendation: event.data.recommendation };
    case 'HypothesisStated': {
      if (state.status !== 'PROPOSED' && state.status !== 'DEFINED') return state;
      const next = { ...state, hypothesis: event.data.statement };
      return { ...next, status: readiness(next) };
    }
    case 'SuccessMetricDefined': {
      if (state.status !== 'PROPOSED' && state.status !== 'DEFINED') return state;
      const { metricId, name, direction, baseline, target, kind } = event.data;
      const next = { ...state, metrics: [...state.metrics, { metricId, name, direction, baseline, target, kind }] };
      return { ...next, status: readiness(next) };
    }
    case 'PilotLaunched':
      if (state.status !== 'DEFINED') return state;
      return {
        ...state,
        status: 'PILOTING',
        ownerId: event.data.ownerId,
        participantIds: event.data.participantIds,
        controlIds: event.data.controlIds,
        iterations: [],
        readings: [],
        decidedIterations: [],
      };
    case 'IterationStarted': {
      if (state.status !== 'PILOTING') return state;
      const { number, startedAt, plannedEndAt } = event.data;
      return {
        ...state,
        iterations: [...state.iterations, { number, startedAt, plannedEndAt, completedAt: null, outcome: null }],
      };
    }
    case 'MeasurementRecorded': {
      if (state.status !== 'PILOTING') return state;
      const { metricId, iteration, cohort, periodStart, value } = event.data;
      return { ...state, readings: [...state.readings, { metricId, iteration, cohort, periodStart, value }] };
    }
    case 'IterationCompleted': {
      if (state.status !== 'PILOTING') return state;
      const { number, completedAt, outcome } = event.data;
      return {
        ...state,
        iterations: state.iterations.map((it) => (it.number === number ? { ...it, completedAt, outcome } : it)),
      };
    }
    case 'DecisionRecorded':
      if (state.status !== 'PILOTING') return state;
      return { ...state, decidedIterations: [...state.decidedIterations, event.data.iteration] };
    case 'HypothesisRevised':
      return state.status === 'NEW' ? state : { ...state, hypothesis: event.data.statement };
    case 'InitiativeScaled':
      return state.status === 'PILOTING' ? { ...state, status: 'SCALED', closedBy: 'SCALE' } : state;
    case 'InitiativeStopped':
      return state.status === 'PILOTING' ? { ...state, status: 'STOPPED', closedBy: 'STOP' } : state;
    case 'FeedbackSubmitted':
      return state;
  }
}

export function openIterationOf(state: { iterations: readonly IterationFacts[] }): IterationFacts | null {
  const last = state.iterations[state.iterations.length - 1];
  return last && last.completedAt === null ? last : null;
}

export function lastCompletedIterationOf(state: { iterations: readonly IterationFacts[] }): IterationFacts | null {
  return [...state.iterations].reverse().find((it) => it.completedAt !== null) ?? null;
}
