import { Projection } from '../../shared/projections/projection';
import { DecisionRecorded } from '../domain/initiative.events';

export interface DecisionLocation {
  decisionId: string;
  initiativeId: string;
  /** Position of the DecisionRecorded event: the log's order of decisions. */
  position: string;
  /** Revision of the DecisionRecorded event in the initiative stream. */
  revision: number;
}

/** Where each decision lives, so a decision id leads to its initiative and its place in the log. */
export const decisionIndexProjection: Projection<DecisionLocation> = {
  name: 'decision-index',
  keysOf: (event) => (event.type === 'DecisionRecorded' ? [(event.data as DecisionRecorded['data']).decisionId] : []),
  evolve: (_previous, recorded) => ({
    decisionId: (recorded.data as DecisionRecorded['data']).decisionId,
    initiativeId: (recorded.data as DecisionRecorded['data']).initiativeId,
    position: recorded.position,
    revision: recorded.revision,
  }),
};
