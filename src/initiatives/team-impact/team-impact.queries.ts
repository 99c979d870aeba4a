import { Injectable } from '@nestjs/common';
import { History } from '../../audit/as-of';
import { notFound } from '../../shared/graphql/errors';
import { ProjectionSet, Views } from '../../shared/projections/projection';
import { ReadModels } from '../../shared/projections/read-models';
import { teamStreamId } from '../../teams/domain/team.events';
import { teamDetailsProjection, TeamView } from '../../teams/team-details/team-details.projection';
import { initiativeStreamId } from '../domain/initiative.events';
import { initiativeDetailsProjection, InitiativeView } from '../initiative-details/initiative-details.projection';
import { InitiativeQueries } from '../initiative-details/initiative.queries';
import { PortfolioImpact, TeamImpact } from './team-impact.model';
import { portfolioImpactAt, teamImpactAt } from './team-impact.read';
import { teamInitiativesProjection } from './team-initiatives.projection';

interface ImpactSources {
  teams: Views<TeamView>;
  initiatives: Views<InitiativeView>;
  teamInitiatives: Views<readonly string[]>;
}

/** The read models team impact is computed from, live or folded as of an instant. */
const IMPACT_PROJECTIONS = [teamDetailsProjection, initiativeDetailsProjection, teamInitiativesProjection] as const;

function sourcesOf(set: Pick<ProjectionSet, 'of'>): ImpactSources {
  return {
    teams: set.of(teamDetailsProjection),
    initiatives: set.of(initiativeDetailsProjection),
    teamInitiatives: set.of(teamInitiativesProjection),
  };
}

function impactOf(sources: ImpactSources, teamId: string, now: string): TeamImpact | null {
  const team = sources.teams.get(teamId);
  if (!team) return null;
  const ids = sources.teamInitiatives.get(teamId) ?? [];
  const initiatives = ids.map((id) => sources.initiatives.get(id)).filter((i): i is InitiativeView => i !== undefined);
  return teamImpactAt(team, initiatives, now);
}

/** Team-wide impact, live from the read models or as it stood at an instant. */
@Injectable()
export class TeamImpactQueries {
  constructor(
    private readonly readModels: ReadModels,
    private readonly history: History,
    private readonly initiatives: InitiativeQueries,
  ) {}

  private live(): ImpactSources {
    return sourcesOf({ of: (projection) => this.readModels.views(projection) });
  }

  async teamImpact(teamId: string, asOf?: string): Promise<TeamImpact> {
    let impact: TeamImpact | null;
    if (asOf === undefined) {
      impact = impactOf(this.live(), teamId, this.initiatives.now());
    } else {
      // Only this team's streams: the initiatives it has today include every one it had then.
      const ids = this.live().teamInitiatives.get(teamId) ?? [];
      const past = await this.history.foldStreams([teamStreamId(teamId), ...ids.map(initiativeStreamId)], asOf, [
        ...IMPACT_PROJECTIONS,
      ]);
      impact = impactOf(sourcesOf(past), teamId, asOf);
    }
    if (!impact) throw notFound('team', teamId);
    return impact;
  }

  async portfolioImpact(teamIds: (teamId: string) => boolean, asOf?: string): Promise<PortfolioImpact> {
    const now = asOf ?? this.initiatives.now();
    const sources = asOf === undefined ? this.live() : sourcesOf(await this.history.foldAll(asOf, IMPACT_PROJECTIONS));
    const teams = [...sources.teams.values()]
      .filter((team) => teamIds(team.id))
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id))
      .map((team) => impactOf(sources, team.id, now)!);
    return portfolioImpactAt(teams, now);
  }
}
