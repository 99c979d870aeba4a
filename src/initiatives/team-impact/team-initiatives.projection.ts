import { defineProjection } from '../../shared/projections/projection';
import { InitiativeProposed } from '../domain/initiative.events';

/** Initiative ids per team in the order they were proposed, so a team's figures read only its initiatives. */
export const teamInitiativesProjection = defineProjection<InitiativeProposed, readonly string[]>({
  name: 'team-initiatives',
  events: ['InitiativeProposed'],
  keyOf: (event) => event.data.teamId,
  evolve: (ids = [], event) => [...ids, event.data.initiativeId],
});
