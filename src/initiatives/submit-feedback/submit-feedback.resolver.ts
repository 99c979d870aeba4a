import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutations } from '../initiative-mutation';
import { SubmitFeedback } from './submit-feedback.handler';
import { SubmitFeedbackInput } from './submit-feedback.input';

@Resolver(() => Initiative)
export class SubmitFeedbackResolver {
  constructor(private readonly mutations: InitiativeMutations) {}

  @Mutation(() => Initiative, { description: 'Submits a suggestion, concern or praise from a team member' })
  submitFeedback(
    @Args('input') input: SubmitFeedbackInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Initiative> {
    return this.mutations.execute(
      'submitFeedback',
      input.initiativeId,
      new SubmitFeedback(input, principal),
      principal,
      input.authorId,
    );
  }
}
