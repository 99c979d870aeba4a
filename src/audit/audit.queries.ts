import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store/event-store.port';
import { ChainVerification, verifyChain } from '../shared/event-store/hash-chain';
import { canonicalJson } from '../shared/event-store/hash-chain';
import { notFound } from '../shared/graphql/errors';
import { ReadModels } from '../shared/projections/read-models';
import { teamStreamId } from '../teams/domain/team.events';
import { teamDetailsProjection } from '../teams/team-details/team-details.projection';
import { evidence } from '../initiatives/domain/initiative.figures';
import { InitiativeEvent, initiativeStreamId } from '../initiatives/domain/initiative.events';
import { evolveInitiative, initialInitiativeState } from '../initiatives/domain/initiative.state';
import { decisionIndexProjection } from '../initiatives/decision-log/decision-index.projection';
import { initiativeDetailsProjection } from '../initiatives/initiative-details/initiative-details.projection';
import { initiativeAt } from '../initiatives/initiative-details/initiative.read';
import { AuditEvent, DecisionReplay } from './audit.model';
import { History, occurredAt } from './as-of';

export function toAuditEvent(event: RecordedEvent): AuditEvent {
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

/** The audit trail of an initiative, the replay of any decision, and the check of the hash chain. */
@Injectable()
export class AuditQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly history: History,
  ) {}

  async trail(initiativeId: string): Promise<AuditEvent[]> {
    const events = await this.store.readStream(initiativeStreamId(initiativeId));
    if (events.length === 0) throw notFound('initiative', initiativeId);
    return events.map(toAuditEvent);
  }

  async verify(initiativeId: string): Promise<ChainVerification> {
    const events = await this.store.readStream(initiativeStreamId(initiativeId));
    if (events.length === 0) throw notFound('initiative', initiativeId);
    return verifyChain(events);
  }

  /** The initiative id of a decision, or NOT_FOUND. */
  initiativeOfDecision(decisionId: string): string {
    const location = this.readModels.views(decisionIndexProjection).get(decisionId);
    if (!location) throw notFound('decision', decisionId);
    return location.initiativeId;
  }

  async replay(decisionId: string): Promise<DecisionReplay> {
    const location = this.readModels.views(decisionIndexProjection).get(decisionId);
    if (!location) throw notFound('decision', decisionId);
    const stream = await this.store.readStream(initiativeStreamId(location.initiativeId));
    const before = stream.slice(0, location.revision);
    const decidedAt = occurredAt(stream[location.revision]);

    const replayed = this.readModels.fold(before);
    const view = replayed.of(initiativeDetailsProjection).get(location.initiativeId)!;
    const teamThen = await this.history.foldStreams([teamStreamId(view.teamId)], decidedAt);
    const initiativeBefore = initiativeAt(view, teamThen.of(teamDetailsProjection).get(view.teamId), decidedAt);

    const state = before
      .map(this.readModels.upcastEvent)
      .reduce(
        (s, e) => evolveInitiative(s, { type: e.type, data: e.data } as unknown as InitiativeEvent),
        initialInitiativeState,
      );
    const recomputedEvidence = evidence(state);
    const afterDecision = this.readModels.fold(stream.slice(0, location.revision + 1));
    const decision = afterDecision
      .of(initiativeDetailsProjection)
      .get(location.initiativeId)!
      .decisions.find((d) => d.id === decisionId)!;
    return {
      decision,
      initiativeBefore,
      eventsBefore: before.length,
      recomputedEvidence,
      evidenceMatches: canonicalJson(recomputedEvidence) === canonicalJson(decision.evidence),
    };
  }
}
