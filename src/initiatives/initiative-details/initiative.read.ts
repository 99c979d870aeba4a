import { roundFigure } from '../../shared/statistics/precision';
import { headcountOf, TeamView } from '../../teams/team-details/team-details.projection';
import { elapsedShare, latestOfPeriod, onTrack, progress } from '../domain/initiative.figures';
import { Initiative, SuccessMetric } from './initiative.model';
import { InitiativeView, IterationView, MetricView } from './initiative-details.projection';

export function openIteration(view: Pick<InitiativeView, 'iterations'>): IterationView | null {
  const last = view.iterations[view.iterations.length - 1];
  return last && last.completedAt === null ? last : null;
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

export function currentReach(view: InitiativeView, team: TeamView | undefined): number {
  if (view.status === 'PILOTING') return new Set(view.participantIds).size;
  if (view.status === 'SCALED') return team ? headcountOf(team) : 0;
  return 0;
}

/** The initiative as a dashboard shows it at `now`: stored facts plus the figures that depend on time. */
export function initiativeAt(view: InitiativeView, team: TeamView | undefined, now: string): Initiative {
  const open = openIteration(view);
  return {
    ...view,
    participantIds: [...view.participantIds],
    controlIds: [...view.controlIds],
    hypothesisRevisions: [...view.hypothesisRevisions],
    decisions: [...view.decisions],
    metrics: view.metrics.map((m) => metricAt(m, open, now)),
    iterations: view.iterations.map((it) => ({ ...it, overdue: it.completedAt === null && it.plannedEndAt < now })),
    currentReach: currentReach(view, team),
  };
}
