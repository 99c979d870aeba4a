import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsIn, IsString, Length } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdField } from '../../shared/graphql/command-input';
import { MemberRole } from '../../shared/graphql/enums';
import { Team } from '../team-details/team.model';
import { TeamInput, TeamMutation } from '../team-command';
import { AddTeamMemberCommand } from './add-team-member.command';

@InputType()
export class AddTeamMemberInput extends TeamInput {
  @IdField()
  memberId!: string;

  @Field()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => MemberRole)
  @IsIn(Object.values(MemberRole))
  role!: keyof typeof MemberRole;

  @IdField({ nullable: true })
  managerId?: string;
}

@Resolver(() => Team)
export class AddTeamMemberResolver extends TeamMutation {
  @Mutation(() => Team, { description: 'Adds a line manager, IC or director to a team' })
  addTeamMember(@Args('input') input: AddTeamMemberInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new AddTeamMemberCommand(input, principal));
  }
}
