import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { authorizeRead, canRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { Team } from './team.model';
import { TeamQueries } from './team.queries';

@Resolver(() => Team)
export class TeamDetailsResolver {
  constructor(private readonly teamQueries: TeamQueries) {}

  @Query(() => Team, { nullable: true, description: 'A team with its current members, or as it stood at asOf' })
  team(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Team | null> {
    authorizeRead(principal, id);
    return this.teamQueries.byId(id, asOf ?? undefined);
  }

  @Query(() => [Team], { description: 'Every team the token covers, oldest first' })
  teams(@CurrentPrincipal() principal: Principal): Team[] {
    return this.teamQueries.all().filter((team) => canRead(principal, team.id));
  }
}
