import { defineProjection } from '../../shared/projections/projection';
import { evolveAlerts, initialAlertsState, InitiativeAlertsState } from '../domain/alert.decide';
import { AlertEvent } from '../domain/alert.events';

/** The alerts raised and not cleared, per initiative: what the reviewer compares the rules with. */
export const activeAlertsProjection = defineProjection<AlertEvent, InitiativeAlertsState>({
  name: 'active-alerts',
  events: ['AlertRaised', 'AlertCleared'],
  keyOf: (event) => event.data.initiativeId,
  evolve: (state = initialAlertsState, event) => evolveAlerts(state, event),
});
