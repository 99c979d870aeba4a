import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, ValidateNested } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdField } from '../../shared/graphql/command-input';
import { MemberRole } from '../../shared/graphql/enums';
import { Team } from '../team-details/team.model';
import { TeamInput, TeamMutation } from '../team-command';
import { AddTeamMembersCommand } from './add-team-members.command';

export const MAX_MEMBERS_PER_BATCH = 500;

@InputType({ description: 'One member of a batch: who joins, in which role, under which line manager' })
export class NewTeamMemberInput {
  @IdField()
  memberId!: string;

  @Field()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => MemberRole)
  @IsIn(Object.values(MemberRole))
  role!: keyof typeof MemberRole;

  @IdField({ nullable: true, description: 'A manager or director of the team, or one added earlier in the list' })
  managerId?: string;
}

@InputType()
export class AddTeamMembersInput extends TeamInput {
  @Field(() => [NewTeamMemberInput], { description: `In order, 1 to ${MAX_MEMBERS_PER_BATCH}` })
  @IsArray()
  @ArrayMinSize(1, { message: 'members must name at least one member' })
  @ArrayMaxSize(MAX_MEMBERS_PER_BATCH, { message: `members may name at most ${MAX_MEMBERS_PER_BATCH} members` })
  @ValidateNested({ each: true })
  @Type(() => NewTeamMemberInput)
  members!: NewTeamMemberInput[];
}

@Resolver(() => Team)
export class AddTeamMembersResolver extends TeamMutation {
  @Mutation(() => Team, {
    description:
      'Adds several members in one write: all of them, or none when a row breaks a rule (BAD_USER_INPUT naming the row)',
  })
  addTeamMembers(@Args('input') input: AddTeamMembersInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new AddTeamMembersCommand(input, principal));
  }
}
