import { Projection } from '../../shared/projections/projection';
import { InitiativeProposed } from '../domain/initiative.events';

/** Initiative ids per team in the order they were proposed, so a team's figures read only its initiatives. */
export const teamInitiativesProjection: Projection<readonly string[]> = {
  name: 'team-initiatives',
  keysOf: (event) => (event.type === 'InitiativeProposed' ? [(event.data as InitiativeProposed['data']).teamId] : []),
  evolve: (ids = [], recorded) => [...ids, (recorded.data as InitiativeProposed['data']).initiativeId],
};
