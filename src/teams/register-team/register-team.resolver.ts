import { Args, Field, Float, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdempotentInput, IdField } from '../../shared/graphql/command-input';
import { Team } from '../team-details/team.model';
import { TeamMutation } from '../team-command';
import { RegisterTeamCommand } from './register-team.command';

@InputType()
export class RegisterTeamInput extends IdempotentInput {
  @IdField({ nullable: true, description: 'Chosen id; generated when omitted' })
  teamId?: string;

  @Field()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of headcount below which ideas are delegated; (0,1], 0.5 by default',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.0001)
  @Max(1)
  impactThreshold?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Days an idea may wait for launch before it counts as analysis paralysis; 21 by default',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  paralysisLimitDays?: number;
}

@Resolver(() => Team)
export class RegisterTeamResolver extends TeamMutation {
  @Mutation(() => Team, { description: 'Registers a team: a director group of line managers and ICs' })
  registerTeam(@Args('input') input: RegisterTeamInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new RegisterTeamCommand(input, principal));
  }
}
