import { Args, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdField } from '../../shared/graphql/command-input';
import { Team } from '../team-details/team.model';
import { TeamInput, TeamMutation } from '../team-command';
import { RemoveTeamMemberCommand } from './remove-team-member.command';

@InputType()
export class RemoveTeamMemberInput extends TeamInput {
  @IdField()
  memberId!: string;
}

@Resolver(() => Team)
export class RemoveTeamMemberResolver extends TeamMutation {
  @Mutation(() => Team, { description: 'Removes a member from a team' })
  removeTeamMember(@Args('input') input: RemoveTeamMemberInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new RemoveTeamMemberCommand(input, principal));
  }
}
