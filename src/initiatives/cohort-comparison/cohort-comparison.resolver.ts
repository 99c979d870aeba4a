import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { NotFound } from '../../shared/domain/not-found';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { compareCohorts } from '../domain/initiative.figures';
import { CohortComparison } from '../initiative-details/initiative.model';
import { readInitiative } from '../initiative-reads';
import { cohortReadingsKey, cohortReadingsProjection } from './cohort-readings.projection';

@Resolver(() => CohortComparison)
export class CohortComparisonResolver {
  constructor(private readonly readModels: ReadModels) {
    readModels.register(cohortReadingsProjection);
  }

  @Query(() => CohortComparison, {
    nullable: true,
    description:
      "Welch's t-test of PILOT vs CONTROL for one metric in one iteration, or as it stood at asOf; null for an unknown iteration",
  })
  async cohortComparison(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('metricId', { type: () => ID }) metricId: string,
    @Args('iteration', { type: () => Int }) iteration: number,
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<CohortComparison | null> {
    const { at, initiative } = await readInitiative(this.readModels, principal, initiativeId, asOf, [
      cohortReadingsProjection,
    ]);
    if (!initiative.metrics.some((m) => m.id === metricId)) throw new NotFound('metric', metricId);
    if (!initiative.iterations.some((it) => it.number === iteration)) return null;
    const readings = at.of(cohortReadingsProjection).get(cohortReadingsKey(initiativeId, metricId, iteration));
    return compareCohorts(metricId, iteration, readings?.pilot.toArray() ?? [], readings?.control.toArray() ?? []);
  }
}
