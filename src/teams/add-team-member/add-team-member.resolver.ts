import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { authorizeTeamCommand } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { ReadModels } from '../../shared/projections/read-models';
import { Team } from '../team-details/team.model';
import { TeamQueries } from '../team-details/team.queries';
import { teamAfter } from '../team-mutation';
import { AddTeamMember } from './add-team-member.handler';
import { AddTeamMemberInput } from './add-team-member.input';

@Resolver(() => Team)
export class AddTeamMemberResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readModels: ReadModels,
    private readonly teams: TeamQueries,
  ) {}

  @Mutation(() => Team, { description: 'Adds a line manager, IC or director to a team' })
  async addTeamMember(
    @Args('input') input: AddTeamMemberInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Team> {
    authorizeTeamCommand(principal, 'addTeamMember', input.teamId);
    const outcome = await this.commandBus.execute(new AddTeamMember(input, principal));
    return teamAfter(outcome, this.readModels, this.teams);
  }
}
