import { cohortReadingsProjection } from './initiatives/cohort-comparison/cohort-readings.projection';
import { decisionIndexProjection } from './initiatives/decision-log/decision-index.projection';
import { feedbackProjection } from './initiatives/feedback/feedback.projection';
import { initiativeDetailsProjection } from './initiatives/initiative-details/initiative-details.projection';
import { metricSeriesProjection } from './initiatives/metric-series/metric-series.projection';
import { teamInitiativesProjection } from './initiatives/team-impact/team-initiatives.projection';
import { Projection } from './shared/projections/projection';
import { teamDetailsProjection } from './teams/team-details/team-details.projection';

/** Every read model the service keeps, fed by one subscription to the global log. */
export const ALL_PROJECTIONS: readonly Projection<unknown>[] = [
  teamDetailsProjection,
  initiativeDetailsProjection,
  teamInitiativesProjection,
  feedbackProjection,
  metricSeriesProjection,
  cohortReadingsProjection,
  decisionIndexProjection,
] as readonly Projection<unknown>[];
