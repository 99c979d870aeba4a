import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeInput, InitiativeMutation } from '../initiative-command';
import { StateHypothesisCommand } from './state-hypothesis.command';

@InputType()
export class StateHypothesisInput extends InitiativeInput {
  @Field({ description: 'We believe that <change> for <who> will <measurable outcome>' })
  @IsString()
  @Length(1, 2000)
  statement!: string;
}

@Resolver(() => Initiative)
export class StateHypothesisResolver extends InitiativeMutation {
  @Mutation(() => Initiative, {
    description: 'States the hypothesis: We believe that <change> for <who> will <measurable outcome>',
  })
  stateHypothesis(@Args('input') input: StateHypothesisInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new StateHypothesisCommand(input, principal));
  }
}
