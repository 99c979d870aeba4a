import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { authorizeTeamCommand } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { ReadModels } from '../../shared/projections/read-models';
import { Team } from '../team-details/team.model';
import { TeamQueries } from '../team-details/team.queries';
import { teamAfter } from '../team-mutation';
import { RemoveTeamMember } from './remove-team-member.handler';
import { RemoveTeamMemberInput } from './remove-team-member.input';

@Resolver(() => Team)
export class RemoveTeamMemberResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readModels: ReadModels,
    private readonly teams: TeamQueries,
  ) {}

  @Mutation(() => Team, { description: 'Removes a member from a team' })
  async removeTeamMember(
    @Args('input') input: RemoveTeamMemberInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Team> {
    authorizeTeamCommand(principal, 'removeTeamMember', input.teamId);
    const outcome = await this.commandBus.execute(new RemoveTeamMember(input, principal));
    return teamAfter(outcome, this.readModels, this.teams);
  }
}
