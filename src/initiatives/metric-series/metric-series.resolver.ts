import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { authorizeRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Cohort } from '../../shared/graphql/enums';
import { notFound } from '../../shared/graphql/errors';
import { ReadModels } from '../../shared/projections/read-models';
import { roundFigure } from '../../shared/statistics/precision';
import { InitiativeQueries } from '../initiative-details/initiative.queries';
import { MetricPoint } from './metric-point.model';
import { metricPoints, metricSeriesKey, metricSeriesProjection } from './metric-series.projection';

@Resolver(() => MetricPoint)
export class MetricSeriesResolver {
  constructor(
    private readonly readModels: ReadModels,
    private readonly initiatives: InitiativeQueries,
  ) {}

  @Query(() => [MetricPoint], { description: 'Readings of a metric per period, cohort and iteration, oldest first' })
  metricSeries(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('metricId', { type: () => ID }) metricId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('cohort', { type: () => Cohort, nullable: true }) cohort?: keyof typeof Cohort,
  ): MetricPoint[] {
    const view = this.initiatives.view(initiativeId);
    if (!view) throw notFound('initiative', initiativeId);
    authorizeRead(principal, view.teamId);
    if (!view.metrics.some((m) => m.id === metricId)) throw notFound('metric', metricId);
    const readings = this.readModels.views(metricSeriesProjection).get(metricSeriesKey(initiativeId, metricId)) ?? [];
    return metricPoints(readings)
      .filter((p) => !cohort || p.cohort === cohort)
      .map(({ sum, ...point }) => ({ ...point, mean: roundFigure(sum / point.n) }));
  }
}
