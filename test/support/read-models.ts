import { decisionLogProjection } from '../../src/initiatives/decision-log/decision-log.projection';
import { feedbackProjection } from '../../src/initiatives/feedback/feedback.projection';
import { initiativeDetailsProjection } from '../../src/initiatives/initiative-details/initiative-details.projection';
import { initiativeReadingsProjection } from '../../src/initiatives/initiative-details/initiative-readings.projection';
import { teamInitiativesProjection } from '../../src/initiatives/team-impact/team-initiatives.projection';
import { Projection } from '../../src/shared/projections/projection';
import { teamDetailsProjection } from '../../src/teams/team-details/team-details.projection';
import { activeAlertsProjection } from '../../src/webhooks/alerts/active-alerts.projection';
import { webhookDeliveriesProjection } from '../../src/webhooks/webhook-deliveries/webhook-deliveries.projection';
import { webhookListProjection } from '../../src/webhooks/webhook-list/webhook-list.projection';

/**
 * Every read model the service keeps. The service learns them from its slices as they start; a
 * test that folds them outside the service lists them here and checks the list against `/ready`.
 */
export const EVERY_READ_MODEL: readonly Projection<unknown>[] = [
  teamDetailsProjection,
  initiativeDetailsProjection,
  teamInitiativesProjection,
  feedbackProjection,
  initiativeReadingsProjection,
  decisionLogProjection,
  webhookListProjection,
  webhookDeliveriesProjection,
  activeAlertsProjection,
] as readonly Projection<unknown>[];
