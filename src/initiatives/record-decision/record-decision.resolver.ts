import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutations } from '../initiative-mutation';
import { RecordDecision } from './record-decision.handler';
import { RecordDecisionInput } from './record-decision.input';

@Resolver(() => Initiative)
export class RecordDecisionResolver {
  constructor(private readonly mutations: InitiativeMutations) {}

  @Mutation(() => Initiative, {
    description: 'Decides after a completed iteration: PERSEVERE, PIVOT, SCALE or STOP, freezing the evidence',
  })
  recordDecision(
    @Args('input') input: RecordDecisionInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Initiative> {
    return this.mutations.execute(
      'recordDecision',
      input.initiativeId,
      new RecordDecision(input, principal),
      principal,
    );
  }
}
