import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { authorizeRead, canRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { PortfolioImpact, TeamImpact } from './team-impact.model';
import { TeamImpactQueries } from './team-impact.queries';

@Resolver(() => TeamImpact)
export class TeamImpactResolver {
  constructor(private readonly impact: TeamImpactQueries) {}

  @Query(() => TeamImpact, { description: 'Team-wide impact of all initiatives, now or as it stood at asOf' })
  teamImpact(
    @Args('teamId', { type: () => ID }) teamId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<TeamImpact> {
    authorizeRead(principal, teamId);
    return this.impact.teamImpact(teamId, asOf ?? undefined);
  }

  @Query(() => PortfolioImpact, { description: 'Impact across every team the token covers' })
  portfolioImpact(
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<PortfolioImpact> {
    return this.impact.portfolioImpact((teamId) => canRead(principal, teamId), asOf ?? undefined);
  }
}
