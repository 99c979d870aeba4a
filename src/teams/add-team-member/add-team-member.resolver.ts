import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IsEntityId, VersionedInput } from '../../shared/graphql/command-input';
import { MemberRole } from '../../shared/graphql/enums';
import { Team } from '../team-details/team.model';
import { TeamMutation } from '../team-command';
import { AddTeamMemberCommand } from './add-team-member.command';

@InputType()
export class AddTeamMemberInput extends VersionedInput {
  @Field(() => ID)
  @IsEntityId()
  teamId!: string;

  @Field(() => ID)
  @IsEntityId()
  memberId!: string;

  @Field()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => MemberRole)
  @IsIn(Object.values(MemberRole))
  role!: keyof typeof MemberRole;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  managerId?: string;
}

@Resolver(() => Team)
export class AddTeamMemberResolver extends TeamMutation {
  @Mutation(() => Team, { description: 'Adds a line manager, IC or director to a team' })
  addTeamMember(@Args('input') input: AddTeamMemberInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new AddTeamMemberCommand(input, principal));
  }
}
