import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { NotFound } from '../../shared/domain/not-found';
import { Cohort } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { roundFigure } from '../../shared/statistics/precision';
import { readInitiative } from '../initiative-reads';
import { MetricPoint } from './metric-point.model';
import { initiativeReadingsProjection } from '../initiative-details/initiative-readings.projection';
import { metricPoints } from './metric-points';

@Resolver(() => MetricPoint)
export class MetricSeriesResolver {
  constructor(private readonly readModels: ReadModels) {
    readModels.register(initiativeReadingsProjection);
  }

  @Query(() => [MetricPoint], {
    description: 'Readings of a metric per period, cohort and iteration, oldest first; or as they stood at asOf',
  })
  async metricSeries(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('metricId', { type: () => ID }) metricId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('cohort', { type: () => Cohort, nullable: true }) cohort?: keyof typeof Cohort,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<MetricPoint[]> {
    const { at, initiative } = await readInitiative(this.readModels, principal, initiativeId, asOf, [
      initiativeReadingsProjection,
    ]);
    if (!initiative.metrics.some((m) => m.id === metricId)) throw new NotFound('metric', metricId);
    const readings = at.of(initiativeReadingsProjection).get(initiativeId) ?? [];
    return metricPoints(readings, metricId)
      .filter((p) => !cohort || p.cohort === cohort)
      .map(({ sum, ...point }) => ({ ...point, mean: roundFigure(sum / point.n) }));
  }
}
