import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutations } from '../initiative-mutation';
import { DefineSuccessMetric } from './define-success-metric.handler';
import { DefineSuccessMetricInput } from './define-success-metric.input';

@Resolver(() => Initiative)
export class DefineSuccessMetricResolver {
  constructor(private readonly mutations: InitiativeMutations) {}

  @Mutation(() => Initiative, { description: 'Defines what success looks like, before the first step' })
  defineSuccessMetric(
    @Args('input') input: DefineSuccessMetricInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Initiative> {
    return this.mutations.execute(
      'defineSuccessMetric',
      input.initiativeId,
      new DefineSuccessMetric(input, principal),
      principal,
    );
  }
}
