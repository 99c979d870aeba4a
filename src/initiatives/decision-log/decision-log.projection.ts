import { defineProjection, Views } from '../../shared/projections/projection';
import { DecisionRecorded, InitiativeProposed } from '../domain/initiative.events';

/** A decision as recorded, with its id under `id` and the team of its initiative. */
export type DecisionView = Omit<DecisionRecorded['data'], 'decisionId'> & { id: string; teamId: string };

/** A decision and where it stands: its initiative's stream and the global log. */
export interface DecisionEntry extends DecisionView {
  /** Position of the DecisionRecorded event: the log's order of decisions. */
  position: string;
  /** Revision of the DecisionRecorded event in the initiative's stream. */
  revision: number;
}

/** The decisions of one initiative, oldest first, with the team they belong to. */
export interface InitiativeDecisions {
  initiativeId: string;
  teamId: string;
  decisions: readonly DecisionEntry[];
}

export function toDecisionView(data: DecisionRecorded['data'], teamId: string): DecisionView {
  const { decisionId, ...decision } = data;
  return { id: decisionId, teamId, ...decision };
}

/** Every decision, per initiative: the decision log, and where a decision id leads to replay it. */
export const decisionLogProjection = defineProjection<InitiativeProposed | DecisionRecorded, InitiativeDecisions>({
  name: 'decision-log',
  events: ['InitiativeProposed', 'DecisionRecorded'],
  keyOf: (event) => event.data.initiativeId,
  evolve(log, event) {
    if (event.type === 'InitiativeProposed') {
      return { initiativeId: event.data.initiativeId, teamId: event.data.teamId, decisions: [] };
    }
    const entry = { ...toDecisionView(event.data, log!.teamId), position: event.position, revision: event.revision };
    return { ...log!, decisions: [...log!.decisions, entry] };
  },
});

export function findDecision(logs: Views<InitiativeDecisions>, decisionId: string): DecisionEntry | null {
  for (const log of logs.values()) {
    const decision = log.decisions.find((d) => d.id === decisionId);
    if (decision) return decision;
  }
  return null;
}
