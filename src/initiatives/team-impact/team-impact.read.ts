import { countsInHeadcount } from '../../teams/domain/team.state';
import { teamHeadcount, TeamView } from '../../teams/team-details/team-details.projection';
import { roundFigure } from '../../shared/statistics/precision';
import { InitiativeStatus } from '../domain/initiative.events';
import { inAnalysisParalysis, overdueIteration } from '../domain/initiative.figures';
import { InitiativeView } from '../initiative-details/initiative-details.projection';
import { OverdueItem, PortfolioImpact, StatusCount, TeamImpact } from './team-impact.model';

const STATUSES: InitiativeStatus[] = ['PROPOSED', 'DEFINED', 'PILOTING', 'SCALED', 'STOPPED'];
const DAY_MS = 86_400_000;

export function countByStatus(initiatives: readonly Pick<InitiativeView, 'status'>[]): StatusCount[] {
  return STATUSES.map((status) => ({ status, count: initiatives.filter((i) => i.status === status).length }));
}

/** Members (all roles but DIRECTOR) reached by at least one PILOTING or SCALED initiative. */
export function reachedMembers(team: TeamView, initiatives: readonly InitiativeView[]): number {
  const members = team.members.filter((m) => countsInHeadcount(m.role));
  if (initiatives.some((i) => i.status === 'SCALED')) return members.length;
  const reached = new Set(initiatives.filter((i) => i.status === 'PILOTING').flatMap((i) => i.participantIds));
  return members.filter((m) => reached.has(m.id)).length;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function overdueItems(initiative: InitiativeView, now: string): OverdueItem[] {
  const overdue = overdueIteration(initiative, now);
  return overdue ? [{ initiativeId: initiative.id, ...overdue }] : [];
}

/** Decisions that overrode the recommendation of their rule ÷ decisions made under a rule; null before any. */
export function ruleOverrideRate(initiatives: readonly Pick<InitiativeView, 'decisions'>[]): number | null {
  const underRule = initiatives.flatMap((i) => i.decisions.filter((d) => d.followsRule !== null));
  if (underRule.length === 0) return null;
  return roundFigure(underRule.filter((d) => d.followsRule === false).length / underRule.length);
}

export function teamImpactAt(team: TeamView, initiatives: readonly InitiativeView[], now: string): TeamImpact {
  const headcount = teamHeadcount(team);
  const reached = reachedMembers(team, initiatives);
  const completed = initiatives.flatMap((i) => i.iterations.filter((it) => it.completedAt !== null));
  const validated = completed.filter((it) => it.outcome === 'VALIDATED').length;
  const daysToDecision = initiatives
    .filter((i) => i.closedAt !== null && i.launchedAt !== null)
    .map((i) => (Date.parse(i.closedAt!) - Date.parse(i.launchedAt!)) / DAY_MS);
  return {
    teamId: team.id,
    asOf: now,
    headcount,
    reachedMembers: reached,
    coverage: headcount === 0 ? 0 : roundFigure(reached / headcount),
    activeInitiatives: initiatives.filter((i) => i.status === 'PILOTING').length,
    initiativesByStatus: countByStatus(initiatives),
    hypothesisHitRate: completed.length === 0 ? null : roundFigure(validated / completed.length),
    medianDaysToDecision: roundFigure(median(daysToDecision)),
    ruleOverrideRate: ruleOverrideRate(initiatives),
    overdue: initiatives.flatMap((i) => overdueItems(i, now)),
    analysisParalysis: initiatives.filter((i) => inAnalysisParalysis(i, team.paralysisLimitDays, now)).map((i) => i.id),
  };
}

export function portfolioImpactAt(teams: TeamImpact[], now: string): PortfolioImpact {
  const headcount = teams.reduce((sum, t) => sum + t.headcount, 0);
  const reached = teams.reduce((sum, t) => sum + t.reachedMembers, 0);
  return {
    asOf: now,
    headcount,
    reachedMembers: reached,
    coverage: headcount === 0 ? 0 : roundFigure(reached / headcount),
    initiativesByStatus: STATUSES.map((status) => ({
      status,
      count: teams.reduce((sum, t) => sum + (t.initiativesByStatus.find((s) => s.status === status)?.count ?? 0), 0),
    })),
    teams,
  };
}
