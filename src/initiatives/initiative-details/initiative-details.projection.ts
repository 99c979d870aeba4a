import { RecordedEvent } from '../../shared/event-store/event-store.port';
import { Projection } from '../../shared/projections/projection';
import {
  DecisionKind,
  ImpactRecommendation,
  InitiativeEvent,
  InitiativeStatus,
  IterationOutcome,
  MetricCadence,
  MetricDirection,
  MetricEvidence,
  MetricKind,
} from '../domain/initiative.events';
import { foldLatestPeriod, LatestPeriod } from '../domain/initiative.figures';

export interface MetricView {
  id: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  cadence: MetricCadence;
  source: string;
  kind: MetricKind;
  /** PILOT readings of the most recent period, from which `latest` is derived. */
  latestPeriod: LatestPeriod | null;
}

export interface IterationView {
  number: number;
  change: string;
  startedAt: string;
  plannedEndAt: string;
  completedAt: string | null;
  outcome: IterationOutcome | null;
  learnings: string | null;
}

export interface DecisionView {
  id: string;
  initiativeId: string;
  teamId: string;
  kind: DecisionKind;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
  iteration: number;
  evidence: MetricEvidence[];
}

export interface HypothesisRevisionView {
  statement: string;
  previous: string | null;
  decisionId: string;
  revisedAt: string;
}

export interface InitiativeView {
  id: string;
  teamId: string;
  title: string;
  problem: string;
  status: InitiativeStatus;
  version: number;
  hypothesis: string | null;
  hypothesisRevisions: readonly HypothesisRevisionView[];
  proposedBy: string;
  proposedAt: string;
  impact: {
    potentialReach: number;
    headcount: number;
    share: number;
    threshold: number;
    recommendation: ImpactRecommendation;
  };
  metrics: readonly MetricView[];
  ownerId: string | null;
  participantIds: readonly string[];
  controlIds: readonly string[];
  launchedAt: string | null;
  iterations: readonly IterationView[];
  decisions: readonly DecisionView[];
  /** When the first SCALE or STOP decision was made. */
  closedAt: string | null;
  /** Time of the latest event, for lists ordered by activity. */
  updatedAt: string;
}

export function isInitiativeEvent(event: RecordedEvent): boolean {
  return event.streamId.startsWith('initiative-');
}

function definedStatus(view: InitiativeView): InitiativeStatus {
  if (view.status !== 'PROPOSED' && view.status !== 'DEFINED') return view.status;
  const defined = view.hypothesis !== null && view.metrics.some((m) => m.kind === 'PRIMARY');
  return defined ? 'DEFINED' : 'PROPOSED';
}

export const initiativeDetailsProjection: Projection<InitiativeView> = {
  name: 'initiative-details',
  keysOf: (event) => (isInitiativeEvent(event) ? [(event.data as { initiativeId: string }).initiativeId] : []),
  evolve(previous, recorded) {
    const event = recorded as unknown as InitiativeEvent;
    const occurredAt = (recorded.metadata.occurredAt as string | undefined) ?? previous?.updatedAt ?? '';
    if (event.type === 'InitiativeProposed') {
      const d = event.data;
      return {
        id: d.initiativeId,
        teamId: d.teamId,
        title: d.title,
        problem: d.problem,
        status: 'PROPOSED',
        version: recorded.revision + 1,
        hypothesis: null,
        hypothesisRevisions: [],
        proposedBy: d.proposedBy,
        proposedAt: d.proposedAt,
        impact: {
          potentialReach: d.potentialReach,
          headcount: 0,
          share: 0,
          threshold: 0,
          recommendation: 'DIRECTOR_LED',
        },
        metrics: [],
        ownerId: null,
        participantIds: [],
        controlIds: [],
        launchedAt: null,
        iterations: [],
        decisions: [],
        closedAt: null,
        updatedAt: occurredAt,
      };
    }
    const view: InitiativeView = { ...previous!, version: recorded.revision + 1, updatedAt: occurredAt };
    switch (event.type) {
      case 'ImpactAssessed': {
        const d = event.data;
        return {
          ...view,
          impact: {
            potentialReach: d.potentialReach,
            headcount: d.headcount,
            share: d.share,
            threshold: d.impactThreshold,
            recommendation: d.recommendation,
          },
        };
      }
      case 'HypothesisStated': {
        const next = { ...view, hypothesis: event.data.statement };
        return { ...next, status: definedStatus(next) };
      }
      case 'SuccessMetricDefined': {
        const { initiativeId: _initiativeId, metricId, ...definition } = event.data;
        const next = { ...view, metrics: [...view.metrics, { id: metricId, ...definition, latestPeriod: null }] };
        return { ...next, status: definedStatus(next) };
      }
      case 'PilotLaunched':
        return {
          ...view,
          status: 'PILOTING',
          ownerId: event.data.ownerId,
          participantIds: event.data.participantIds,
          controlIds: event.data.controlIds,
          launchedAt: event.data.launchedAt,
        };
      case 'IterationStarted': {
        const { number, change, startedAt, plannedEndAt } = event.data;
        const iteration = {
          number,
          change,
          startedAt,
          plannedEndAt,
          completedAt: null,
          outcome: null,
          learnings: null,
        };
        return { ...view, iterations: [...view.iterations, iteration] };
      }
      case 'MeasurementRecorded': {
        const d = event.data;
        if (d.cohort !== 'PILOT') return view;
        return {
          ...view,
          metrics: view.metrics.map((m) =>
            m.id === d.metricId ? { ...m, latestPeriod: foldLatestPeriod(m.latestPeriod, d.periodStart, d.value) } : m,
          ),
        };
      }
      case 'IterationCompleted': {
        const d = event.data;
        return {
          ...view,
          iterations: view.iterations.map((it) =>
            it.number === d.number
              ? { ...it, completedAt: d.completedAt, outcome: d.outcome, learnings: d.learnings }
              : it,
          ),
        };
      }
      case 'DecisionRecorded': {
        const d = event.data;
        const decision: DecisionView = {
          id: d.decisionId,
          initiativeId: d.initiativeId,
          teamId: view.teamId,
          kind: d.kind,
          rationale: d.rationale,
          decidedBy: d.decidedBy,
          decidedAt: d.decidedAt,
          iteration: d.iteration,
          evidence: d.evidence,
        };
        return { ...view, decisions: [...view.decisions, decision] };
      }
      case 'HypothesisRevised': {
        const d = event.data;
        const revision = {
          statement: d.statement,
          previous: d.previous,
          decisionId: d.decisionId,
          revisedAt: occurredAt,
        };
        return { ...view, hypothesis: d.statement, hypothesisRevisions: [...view.hypothesisRevisions, revision] };
      }
      case 'InitiativeScaled':
        return { ...view, status: 'SCALED', closedAt: view.closedAt ?? event.data.scaledAt };
      case 'InitiativeStopped':
        return { ...view, status: 'STOPPED', closedAt: view.closedAt ?? event.data.stoppedAt };
      case 'FeedbackSubmitted':
        return view;
    }
  },
};
