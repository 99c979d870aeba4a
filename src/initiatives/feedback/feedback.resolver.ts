import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { readInitiative } from '../initiative-reads';
import { Feedback } from './feedback.model';
import { feedbackProjection } from './feedback.projection';

@Resolver(() => Feedback)
export class FeedbackResolver {
  constructor(private readonly readModels: ReadModels) {
    readModels.register(feedbackProjection);
  }

  @Query(() => [Feedback], { description: 'Feedback on an initiative, oldest first; or as it stood at asOf' })
  async feedback(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Feedback[]> {
    const { at } = await readInitiative(this.readModels, principal, initiativeId, asOf, [feedbackProjection]);
    return [...(at.of(feedbackProjection).get(initiativeId) ?? [])];
  }
}
