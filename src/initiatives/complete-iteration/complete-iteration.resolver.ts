import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutations } from '../initiative-mutation';
import { CompleteIteration } from './complete-iteration.handler';
import { CompleteIterationInput } from './complete-iteration.input';

@Resolver(() => Initiative)
export class CompleteIterationResolver {
  constructor(private readonly mutations: InitiativeMutations) {}

  @Mutation(() => Initiative, { description: 'Completes the open iteration with its outcome and learnings' })
  completeIteration(
    @Args('input') input: CompleteIterationInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Initiative> {
    return this.mutations.execute(
      'completeIteration',
      input.initiativeId,
      new CompleteIteration(input, principal),
      principal,
    );
  }
}
