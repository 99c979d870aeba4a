import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { recommendationFor } from '../domain/initiative.recommendation';
import { Iteration, Recommendation } from './initiative.model';

/** Figures of an iteration computed only when a client asks for them. */
@Resolver(() => Iteration)
export class IterationResolver {
  @ResolveField(() => Recommendation, {
    nullable: true,
    description:
      'What the decision rule in force recommends, once the iteration is completed; null while it is open or without a rule',
  })
  recommendation(@Parent() iteration: Iteration): Recommendation | null {
    return iteration.pilot ? recommendationFor(iteration.pilot, iteration.number) : null;
  }
}
