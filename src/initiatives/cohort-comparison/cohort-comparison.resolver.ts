import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { authorizeRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { notFound } from '../../shared/graphql/errors';
import { ReadModels } from '../../shared/projections/read-models';
import { compareCohorts } from '../domain/initiative.figures';
import { CohortComparison } from '../initiative-details/initiative.model';
import { InitiativeQueries } from '../initiative-details/initiative.queries';
import { cohortReadingsKey, cohortReadingsProjection } from './cohort-readings.projection';

@Resolver(() => CohortComparison)
export class CohortComparisonResolver {
  constructor(
    private readonly readModels: ReadModels,
    private readonly initiatives: InitiativeQueries,
  ) {}

  @Query(() => CohortComparison, {
    nullable: true,
    description: "Welch's t-test of PILOT vs CONTROL for one metric in one iteration; null for an unknown iteration",
  })
  cohortComparison(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('metricId', { type: () => ID }) metricId: string,
    @Args('iteration', { type: () => Int }) iteration: number,
    @CurrentPrincipal() principal: Principal,
  ): CohortComparison | null {
    const view = this.initiatives.view(initiativeId);
    if (!view) throw notFound('initiative', initiativeId);
    authorizeRead(principal, view.teamId);
    if (!view.metrics.some((m) => m.id === metricId)) throw notFound('metric', metricId);
    if (!view.iterations.some((it) => it.number === iteration)) return null;
    const readings = this.readModels
      .views(cohortReadingsProjection)
      .get(cohortReadingsKey(initiativeId, metricId, iteration));
    return compareCohorts(metricId, iteration, readings?.pilot.toArray() ?? [], readings?.control.toArray() ?? []);
  }
}
