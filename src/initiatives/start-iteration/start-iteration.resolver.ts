import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutations } from '../initiative-mutation';
import { StartIteration } from './start-iteration.handler';
import { StartIterationInput } from './start-iteration.input';

@Resolver(() => Initiative)
export class StartIterationResolver {
  constructor(private readonly mutations: InitiativeMutations) {}

  @Mutation(() => Initiative, { description: 'Starts the next build-measure-learn iteration' })
  startIteration(
    @Args('input') input: StartIterationInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Initiative> {
    return this.mutations.execute(
      'startIteration',
      input.initiativeId,
      new StartIteration(input, principal),
      principal,
    );
  }
}
