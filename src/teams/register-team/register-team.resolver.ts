import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Principal } from '../../shared/auth/principal';
import { authorizeTeamCommand } from '../../shared/auth/authorization';
import { ReadModels } from '../../shared/projections/read-models';
import { Team } from '../team-details/team.model';
import { TeamQueries } from '../team-details/team.queries';
import { teamAfter } from '../team-mutation';
import { RegisterTeam } from './register-team.handler';
import { RegisterTeamInput } from './register-team.input';

@Resolver(() => Team)
export class RegisterTeamResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readModels: ReadModels,
    private readonly teams: TeamQueries,
  ) {}

  @Mutation(() => Team, { description: 'Registers a team: a director group of line managers and ICs' })
  async registerTeam(@Args('input') input: RegisterTeamInput, @CurrentPrincipal() principal: Principal): Promise<Team> {
    authorizeTeamCommand(principal, 'registerTeam', input.teamId ?? '*');
    const outcome = await this.commandBus.execute(new RegisterTeam(input, principal));
    return teamAfter(outcome, this.readModels, this.teams);
  }
}
