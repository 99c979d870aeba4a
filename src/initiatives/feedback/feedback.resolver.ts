import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { authorizeRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { notFound } from '../../shared/graphql/errors';
import { ReadModels } from '../../shared/projections/read-models';
import { InitiativeQueries } from '../initiative-details/initiative.queries';
import { Feedback } from './feedback.model';
import { feedbackProjection } from './feedback.projection';

@Resolver(() => Feedback)
export class FeedbackResolver {
  constructor(
    private readonly readModels: ReadModels,
    private readonly initiatives: InitiativeQueries,
  ) {}

  @Query(() => [Feedback], { description: 'Feedback on an initiative, oldest first' })
  feedback(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @CurrentPrincipal() principal: Principal,
  ): Feedback[] {
    const view = this.initiatives.view(initiativeId);
    if (!view) throw notFound('initiative', initiativeId);
    authorizeRead(principal, view.teamId);
    return [...(this.readModels.views(feedbackProjection).get(initiativeId) ?? [])];
  }
}
