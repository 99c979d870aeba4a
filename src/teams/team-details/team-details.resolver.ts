import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { authorizeRead, canRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { teamStreamId } from '../domain/team.events';
import { teamAt, teamDetailsProjection, toTeam } from './team-details.projection';
import { Team } from './team.model';

@Resolver(() => Team)
export class TeamDetailsResolver {
  constructor(private readonly readModels: ReadModels) {
    readModels.register(teamDetailsProjection);
  }

  @Query(() => Team, { nullable: true, description: 'A team with its current members, or as it stood at asOf' })
  async team(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Team | null> {
    authorizeRead(principal, id);
    const at = await this.readModels.at(asOf, { projections: [teamDetailsProjection], streams: [teamStreamId(id)] });
    return teamAt(at, id);
  }

  @Query(() => [Team], { description: 'Every team the token covers, oldest first; or as they stood at asOf' })
  async teams(
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Team[]> {
    // The teams of a past instant are among today's: only the covered ones are read.
    const covered = [...this.readModels.views(teamDetailsProjection).keys()].filter((id) => canRead(principal, id));
    const at = await this.readModels.at(asOf, {
      projections: [teamDetailsProjection],
      streams: covered.map(teamStreamId),
    });
    return [...at.of(teamDetailsProjection).values()]
      .filter((team) => canRead(principal, team.id))
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id))
      .map(toTeam);
  }
}
