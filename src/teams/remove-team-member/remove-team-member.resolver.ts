import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IsEntityId, VersionedInput } from '../../shared/graphql/command-input';
import { Team } from '../team-details/team.model';
import { TeamMutation } from '../team-command';
import { RemoveTeamMemberCommand } from './remove-team-member.command';

@InputType()
export class RemoveTeamMemberInput extends VersionedInput {
  @Field(() => ID)
  @IsEntityId()
  teamId!: string;

  @Field(() => ID)
  @IsEntityId()
  memberId!: string;
}

@Resolver(() => Team)
export class RemoveTeamMemberResolver extends TeamMutation {
  @Mutation(() => Team, { description: 'Removes a member from a team' })
  removeTeamMember(@Args('input') input: RemoveTeamMemberInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new RemoveTeamMemberCommand(input, principal));
  }
}
