import { Args, Field, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdempotentInput, IdField } from '../../shared/graphql/command-input';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutation } from '../initiative-command';
import { ProposeInitiativeCommand } from './propose-initiative.command';

@InputType()
export class ProposeInitiativeInput extends IdempotentInput {
  @IdField({ nullable: true, description: 'Chosen id; generated when omitted' })
  initiativeId?: string;

  @IdField()
  teamId!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field()
  @IsString()
  @Length(1, 4000)
  problem!: string;

  @Field(() => Int, { description: 'How many team members it could affect if scaled: 1..headcount' })
  @IsInt()
  @Min(1)
  @Max(100000)
  potentialReach!: number;
}

@Resolver(() => Initiative)
export class ProposeInitiativeResolver extends InitiativeMutation {
  @Mutation(() => Initiative, {
    description: 'Proposes an initiative; its impact is assessed against the team headcount and threshold',
  })
  proposeInitiative(@Args('input') input: ProposeInitiativeInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new ProposeInitiativeCommand(input, principal));
  }
}
