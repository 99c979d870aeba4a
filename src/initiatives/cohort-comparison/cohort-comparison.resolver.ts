import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { NotFound } from '../../shared/domain/not-found';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { unitComparison } from '../domain/initiative.figures';
import { initiativeReadingsProjection } from '../initiative-details/initiative-readings.projection';
import { CohortComparison } from '../initiative-details/initiative.model';
import { readInitiative } from '../initiative-reads';

@Resolver(() => CohortComparison)
export class CohortComparisonResolver {
  constructor(private readonly readModels: ReadModels) {
    readModels.register(initiativeReadingsProjection);
  }

  @Query(() => CohortComparison, {
    nullable: true,
    description:
      'PILOT vs CONTROL for one metric in one iteration, or as it stood at asOf: one unit per person (the mean of their readings in the iteration), Welch, the permutation test and the baseline-adjusted difference; null for an unknown iteration',
  })
  async cohortComparison(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('metricId', { type: () => ID }) metricId: string,
    @Args('iteration', { type: () => Int }) iteration: number,
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<CohortComparison | null> {
    const { at, initiative } = await readInitiative(this.readModels, principal, initiativeId, asOf, [
      initiativeReadingsProjection,
    ]);
    if (!initiative.metrics.some((m) => m.id === metricId)) throw new NotFound('metric', metricId);
    if (!initiative.iterations.some((it) => it.number === iteration)) return null;
    const measurements = at.of(initiativeReadingsProjection).get(initiativeId) ?? [];
    return unitComparison({ launchedAt: initiative.launchedAt, measurements }, metricId, iteration);
  }
}
