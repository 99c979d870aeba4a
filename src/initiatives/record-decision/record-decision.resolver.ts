import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { DecisionKind } from '../../shared/graphql/enums';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeInput, InitiativeMutation } from '../initiative-command';
import { RecordDecisionCommand } from './record-decision.command';

@InputType()
export class RecordDecisionInput extends InitiativeInput {
  @Field(() => DecisionKind)
  @IsIn(Object.values(DecisionKind))
  kind!: keyof typeof DecisionKind;

  @Field()
  @IsString()
  @Length(1, 4000)
  rationale!: string;

  @Field(() => String, { nullable: true, description: 'Required for PIVOT' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  revisedHypothesis?: string;
}

@Resolver(() => Initiative)
export class RecordDecisionResolver extends InitiativeMutation {
  @Mutation(() => Initiative, {
    description: 'Decides after a completed iteration: PERSEVERE, PIVOT, SCALE or STOP, freezing the evidence',
  })
  recordDecision(@Args('input') input: RecordDecisionInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new RecordDecisionCommand(input, principal));
  }
}
