import type { Initiative } from '../initiatives/initiative-details/initiative.model';
import {
  DecisionRecorded,
  InitiativeEvent,
  initiativeStreamId,
  MetricEvidence,
} from '../initiatives/domain/initiative.events';
import { evidence } from '../initiatives/domain/initiative.figures';
import { evolveInitiative, initialInitiativeState, InitiativeState } from '../initiatives/domain/initiative.state';
import { decisionIndexProjection, DecisionLocation } from '../initiatives/decision-log/decision-index.projection';
import {
  DecisionView,
  initiativeDetailsProjection,
} from '../initiatives/initiative-details/initiative-details.projection';
import { initiativeAt } from '../initiatives/initiative-details/initiative.read';
import { EventStore, RecordedEvent } from '../shared/event-store/event-store.port';
import { canonicalJson, ChainVerification, verifyChain } from '../shared/event-store/hash-chain';
import { ProjectionSet } from '../shared/projections/projection';
import { teamStreamId } from '../teams/domain/team.events';
import { teamDetailsProjection } from '../teams/team-details/team-details.projection';
import { EventSource, foldEvents, occurredAt, streamEventsUntil } from './time-travel';

/**
 * The audit of an initiative (trail, decision replay, hash-chain check) over the store port
 * alone, so the GraphQL resolvers and the audit CLI give the same answers from the same code.
 */

export interface AuditEntry {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  occurredAt: string;
  actor: string;
  commandId: string | null;
  correlationId: string | null;
  causationId: string | null;
  schemaVersion: number;
  data: Record<string, unknown>;
}

export function toAuditEntry(event: RecordedEvent): AuditEntry {
  const meta = event.metadata;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    occurredAt: occurredAt(event),
    actor: text(meta.actor) ?? 'unknown',
    commandId: text(meta.commandId),
    correlationId: text(meta.correlationId),
    causationId: text(meta.causationId),
    schemaVersion: typeof meta.schemaVersion === 'number' ? meta.schemaVersion : 1,
    data: event.data,
  };
}

/** Every event of the initiative's stream as stored (not upcast: the trail shows what was written); empty when unknown. */
export async function initiativeTrail(store: EventStore, initiativeId: string): Promise<AuditEntry[]> {
  return (await store.readStream(initiativeStreamId(initiativeId))).map(toAuditEntry);
}

/** The hash-chain check of the initiative's stream, or null when there is no such initiative. */
export async function verifyInitiative(store: EventStore, initiativeId: string): Promise<ChainVerification | null> {
  const events = await store.readStream(initiativeStreamId(initiativeId));
  return events.length === 0 ? null : verifyChain(events);
}

/**
 * Where a decision was recorded, found by folding the decision index over the whole log: for
 * tools that have no live read models. The service asks its live index instead.
 */
export async function locateDecision(source: EventSource, decisionId: string): Promise<DecisionLocation | null> {
  const set = new ProjectionSet([decisionIndexProjection]);
  let after: string | undefined;
  for (;;) {
    const page = await source.store.readAll({ after, maxCount: 5000 });
    if (page.length === 0) break;
    for (const event of page) if (event.type === 'DecisionRecorded') set.apply(source.upcast(event));
    after = page[page.length - 1].position;
  }
  return set.of(decisionIndexProjection).get(decisionId) ?? null;
}

export interface DecisionReplayResult {
  decision: DecisionView;
  /** The initiative as a dashboard showed it the moment before the decision. */
  initiativeBefore: Initiative;
  eventsBefore: number;
  recomputedEvidence: MetricEvidence[];
  evidenceMatches: boolean;
}

/**
 * Replays the initiative's stream up to a decision in one pass: the read model the maker saw,
 * and the domain state the evidence is computed from, exactly as the command that recorded it
 * computed it. Null when the stream holds no such decision at that revision.
 */
export async function replayDecision(
  source: EventSource,
  location: Pick<DecisionLocation, 'decisionId' | 'initiativeId' | 'revision'>,
): Promise<DecisionReplayResult | null> {
  const { store, upcast } = source;
  const stream = await store.readStream(initiativeStreamId(location.initiativeId), { maxCount: location.revision + 1 });
  const recorded = stream[location.revision];
  if (!recorded || recorded.type !== 'DecisionRecorded') return null;
  const decisionEvent = upcast(recorded);
  if ((decisionEvent.data as DecisionRecorded['data']).decisionId !== location.decisionId) return null;

  const replayed = new ProjectionSet([initiativeDetailsProjection]);
  let state: InitiativeState = initialInitiativeState;
  for (const stored of stream.slice(0, location.revision)) {
    const event = upcast(stored);
    replayed.apply(event);
    state = evolveInitiative(state, event as unknown as InitiativeEvent);
  }
  const viewBefore = replayed.of(initiativeDetailsProjection).get(location.initiativeId);
  if (!viewBefore) return null;

  const decidedAt = occurredAt(recorded);
  const teamEvents = (await streamEventsUntil(store, teamStreamId(viewBefore.teamId), decidedAt)).filter(
    (event) => store.comparePositions(event.position, recorded.position) < 0,
  );
  const team = foldEvents([teamDetailsProjection], teamEvents, upcast).of(teamDetailsProjection).get(viewBefore.teamId);
  const initiativeBefore = initiativeAt(viewBefore, team, decidedAt);

  replayed.apply(decisionEvent);
  const decision = replayed
    .of(initiativeDetailsProjection)
    .get(location.initiativeId)!
    .decisions.find((d) => d.id === location.decisionId)!;
  const recomputedEvidence = evidence(state);
  return {
    decision,
    initiativeBefore,
    eventsBefore: location.revision,
    recomputedEvidence,
    evidenceMatches: canonicalJson(recomputedEvidence) === canonicalJson(decision.evidence),
  };
}
