import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutations } from '../initiative-mutation';
import { StateHypothesis } from './state-hypothesis.handler';
import { StateHypothesisInput } from './state-hypothesis.input';

@Resolver(() => Initiative)
export class StateHypothesisResolver {
  constructor(private readonly mutations: InitiativeMutations) {}

  @Mutation(() => Initiative, {
    description: 'States the hypothesis: We believe that <change> for <who> will <measurable outcome>',
  })
  stateHypothesis(
    @Args('input') input: StateHypothesisInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Initiative> {
    return this.mutations.execute(
      'stateHypothesis',
      input.initiativeId,
      new StateHypothesis(input, principal),
      principal,
    );
  }
}
