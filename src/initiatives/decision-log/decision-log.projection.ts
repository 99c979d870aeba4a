import { defineProjection, Views } from '../../shared/projections/projection';
import { DecisionKind, DecisionRecorded, InitiativeProposed, MetricEvidence } from '../domain/initiative.events';

export interface DecisionView {
  id: string;
  initiativeId: string;
  teamId: string;
  kind: DecisionKind;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
  iteration: number;
  evidence: MetricEvidence[];
}

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
  const { decisionId, initiativeId, kind, rationale, decidedBy, decidedAt, iteration, evidence } = data;
  return { id: decisionId, initiativeId, teamId, kind, rationale, decidedBy, decidedAt, iteration, evidence };
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
