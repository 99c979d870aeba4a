import { roundFigure } from '../../shared/statistics/precision';
import { defineProjection } from '../../shared/projections/projection';
import { ReadModelsAt } from '../../shared/time-travel/time-travel';
import { teamDetailsProjection, teamHeadcount, TeamView } from '../../teams/team-details/team-details.projection';
import {
  DecisionRule,
  ImpactRecommendation,
  InitiativeEvent,
  InitiativeStatus,
  IterationOutcome,
  MetricDefinition,
} from '../domain/initiative.events';
import {
  elapsedShare,
  foldLatestPeriod,
  LatestPeriod,
  latestOfPeriod,
  onTrack,
  progress,
} from '../domain/initiative.figures';
import { PilotFacts } from '../domain/initiative.recommendation';
import { hasRule, ruleOf } from '../domain/initiative.rule';
import { isDefined, Measurement, openIterationOf } from '../domain/initiative.state';
import { INITIATIVE_EVENT_TYPES } from '../domain/initiative.upcasters';
import { DecisionView, toDecisionView } from '../decision-log/decision-log.projection';
import { initiativeReadingsProjection } from './initiative-readings.projection';
import { Initiative, SuccessMetric } from './initiative.model';

export type MetricView = Omit<MetricDefinition, 'metricId'> & {
  id: string;
  /** PILOT readings of the most recent period, from which `latest` is derived. */
  latestPeriod: LatestPeriod | null;
};

export interface IterationView {
  number: number;
  change: string;
  startedAt: string;
  plannedEndAt: string;
  completedAt: string | null;
  outcome: IterationOutcome | null;
  learnings: string | null;
  /** The version of the decision rule in force when it started. */
  ruleVersion: number;
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
  /** Every version of the decision rule since launch; empty before. */
  rules: readonly DecisionRule[];
  /** When the first SCALE or STOP decision was made. */
  closedAt: string | null;
  /** Time of the latest event, for lists ordered by activity. */
  updatedAt: string;
}

/** The domain's rule: DEFINED once there is a hypothesis and a primary metric, until launch. */
function definedStatus(view: InitiativeView): InitiativeStatus {
  if (view.status !== 'PROPOSED' && view.status !== 'DEFINED') return view.status;
  return isDefined(view) ? 'DEFINED' : 'PROPOSED';
}

/** Every initiative as its dashboard shows it, with the facts of every event of its stream. */
export const initiativeDetailsProjection = defineProjection<InitiativeEvent, InitiativeView>({
  name: 'initiative-details',
  events: INITIATIVE_EVENT_TYPES,
  keyOf: (event) => event.data.initiativeId,
  evolve(previous, event) {
    const occurredAt = event.metadata.occurredAt ?? previous?.updatedAt ?? '';
    if (event.type === 'InitiativeProposed') {
      const d = event.data;
      return {
        id: d.initiativeId,
        teamId: d.teamId,
        title: d.title,
        problem: d.problem,
        status: 'PROPOSED',
        version: event.revision + 1,
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
        rules: [],
        closedAt: null,
        updatedAt: occurredAt,
      };
    }
    const view: InitiativeView = { ...previous!, version: event.revision + 1, updatedAt: occurredAt };
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
          rules: [ruleOf(definitionsOf(view), { version: 1, since: event.data.launchedAt, decisionId: null })],
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
          ruleVersion: view.rules[view.rules.length - 1]?.version ?? 1,
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
      case 'DecisionRecorded':
        return { ...view, decisions: [...view.decisions, toDecisionView(event.data, view.teamId)] };
      case 'DecisionRuleRestated':
        return { ...view, rules: [...view.rules, event.data.rule] };
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
});

/** The metrics as the domain defines them, in definition order. */
export function definitionsOf(view: Pick<InitiativeView, 'metrics'>): MetricDefinition[] {
  return view.metrics.map(({ id, latestPeriod: _latestPeriod, ...definition }) => ({ metricId: id, ...definition }));
}

/** The rule in force, or before launch the rule as written so far; null when it states nothing. */
export function decisionRuleOf(view: InitiativeView): DecisionRule | null {
  const rule =
    view.rules.length > 0
      ? view.rules[view.rules.length - 1]
      : ruleOf(definitionsOf(view), { version: 1, since: null, decisionId: null });
  return hasRule(rule) ? rule : null;
}

function metricAt(metric: MetricView, open: IterationView | null, now: string): SuccessMetric {
  const { latestPeriod: _latestPeriod, ...definition } = metric;
  const latest = latestOfPeriod(metric.latestPeriod);
  const metricProgress = progress(metric, latest);
  return {
    ...definition,
    latest: roundFigure(latest),
    progress: metricProgress,
    onTrack: open ? onTrack(metricProgress, elapsedShare(open, now)) : null,
  };
}

/** Pilot participants while PILOTING, the team's headcount once SCALED, else nobody. */
export function currentReach(view: InitiativeView, team: TeamView | undefined): number {
  if (view.status === 'PILOTING') return new Set(view.participantIds).size;
  if (view.status === 'SCALED') return team ? teamHeadcount(team) : 0;
  return 0;
}

/**
 * The initiative as a dashboard shows it at `now`: stored facts plus the figures that depend on
 * time, and the facts its recommendations and design check are computed from when asked.
 */
export function toInitiative(
  view: InitiativeView,
  team: TeamView | undefined,
  now: string,
  readings: Iterable<Measurement> = [],
): Initiative {
  const open = openIterationOf(view);
  const metrics = definitionsOf(view);
  const launched = view.launchedAt !== null;
  const pilot: PilotFacts = {
    metrics,
    rules: view.rules,
    iterations: view.iterations,
    launchedAt: view.launchedAt,
    measurements: readings,
  };
  const decisionRule = decisionRuleOf(view);
  return {
    ...view,
    participantIds: [...view.participantIds],
    controlIds: [...view.controlIds],
    hypothesisRevisions: [...view.hypothesisRevisions],
    decisions: [...view.decisions],
    metrics: view.metrics.map((m) => metricAt(m, open, now)),
    iterations: view.iterations.map((it) => ({
      ...it,
      overdue: it.completedAt === null && it.plannedEndAt < now,
      pilot,
    })),
    currentReach: currentReach(view, team),
    decisionRule,
    decisionRules: view.rules.some(hasRule) ? [...view.rules] : [],
    design: {
      metrics,
      rule: decisionRule,
      launchedAt: view.launchedAt,
      measurements: readings,
      participants: launched ? view.participantIds.length : null,
      controls: launched ? view.controlIds.length : null,
    },
  };
}

/** The read models an initiative's answer needs: its own, its readings and its team's. */
export const INITIATIVE_READ_MODELS = [
  initiativeDetailsProjection,
  initiativeReadingsProjection,
  teamDetailsProjection,
];

/** The initiative as the read models show it at an instant; null when it was not proposed. */
export function initiativeAt(at: ReadModelsAt, id: string): Initiative | null {
  const view = at.of(initiativeDetailsProjection).get(id);
  if (!view) return null;
  const readings = at.of(initiativeReadingsProjection).get(id) ?? [];
  return toInitiative(view, at.of(teamDetailsProjection).get(view.teamId), at.now, readings);
}
