import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { authorizeRead, canRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { NotFound } from '../../shared/domain/not-found';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { ReadModelsAt } from '../../shared/time-travel/time-travel';
import { teamStreamId } from '../../teams/domain/team.events';
import { teamDetailsProjection } from '../../teams/team-details/team-details.projection';
import { initiativeStreamId } from '../domain/initiative.events';
import { initiativeDetailsProjection, InitiativeView } from '../initiative-details/initiative-details.projection';
import { PortfolioImpact, TeamImpact } from './team-impact.model';
import { portfolioImpactAt, teamImpactAt } from './team-impact.read';
import { teamInitiativesProjection } from './team-initiatives.projection';

/** The read models team impact is computed from, live or folded as of an instant. */
const IMPACT_READ_MODELS = [teamDetailsProjection, initiativeDetailsProjection, teamInitiativesProjection];

function impactOf(at: ReadModelsAt, teamId: string): TeamImpact | null {
  const team = at.of(teamDetailsProjection).get(teamId);
  if (!team) return null;
  const views = at.of(initiativeDetailsProjection);
  const ids = at.of(teamInitiativesProjection).get(teamId) ?? [];
  const initiatives = ids.map((id) => views.get(id)).filter((i): i is InitiativeView => i !== undefined);
  return teamImpactAt(team, initiatives, at.now);
}

@Resolver(() => TeamImpact)
export class TeamImpactResolver {
  constructor(private readonly readModels: ReadModels) {
    readModels.register(...IMPACT_READ_MODELS);
  }

  @Query(() => TeamImpact, { description: 'Team-wide impact of all initiatives, now or as it stood at asOf' })
  async teamImpact(
    @Args('teamId', { type: () => ID }) teamId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<TeamImpact> {
    authorizeRead(principal, teamId);
    // Only this team's streams: the initiatives it has today include every one it had then.
    const ids = this.readModels.views(teamInitiativesProjection).get(teamId) ?? [];
    const at = await this.readModels.at(asOf, {
      projections: IMPACT_READ_MODELS,
      streams: [teamStreamId(teamId), ...ids.map(initiativeStreamId)],
    });
    const impact = impactOf(at, teamId);
    if (!impact) throw new NotFound('team', teamId);
    return impact;
  }

  @Query(() => PortfolioImpact, { description: 'Impact across every team the token covers' })
  async portfolioImpact(
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<PortfolioImpact> {
    const at = await this.readModels.at(asOf, { projections: IMPACT_READ_MODELS });
    const teams = [...at.of(teamDetailsProjection).values()]
      .filter((team) => canRead(principal, team.id))
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id))
      .map((team) => impactOf(at, team.id)!);
    return portfolioImpactAt(teams, at.now);
  }
}
