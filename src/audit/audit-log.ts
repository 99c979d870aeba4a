import {
  DecisionRecorded,
  DecisionRule,
  InitiativeEvent,
  initiativeStreamId,
  MetricEvidence,
  Recommendation,
} from '../initiatives/domain/initiative.events';
import { evidence } from '../initiatives/domain/initiative.figures';
import { recommendationFor } from '../initiatives/domain/initiative.recommendation';
import { ruleForIteration } from '../initiatives/domain/initiative.rule';
import { evolveInitiative, initialInitiativeState, InitiativeState } from '../initiatives/domain/initiative.state';
import {
  DecisionEntry,
  decisionLogProjection,
  DecisionView,
  findDecision,
} from '../initiatives/decision-log/decision-log.projection';
import {
  initiativeDetailsProjection,
  toInitiative,
} from '../initiatives/initiative-details/initiative-details.projection';
import { initiativeReadingsProjection } from '../initiatives/initiative-details/initiative-readings.projection';
import type { Initiative } from '../initiatives/initiative-details/initiative.model';
import { EventStore, RecordedEvent } from '../shared/event-store/event-store.port';
import { canonicalJson, ChainVerification, verifyChain } from '../shared/event-store/hash-chain';
import { codeFingerprint, ProjectionSet } from '../shared/projections/projection';
import { StreamFolder, StreamSnapshots } from '../shared/snapshots/stream-snapshots';
import { streamEventsUntil } from '../shared/time-travel/time-travel';
import { teamStreamId } from '../teams/domain/team.events';
import { teamDetailsProjection } from '../teams/team-details/team-details.projection';

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
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    occurredAt: meta.occurredAt ?? '',
    actor: meta.actor ?? 'unknown',
    commandId: meta.commandId ?? null,
    correlationId: meta.correlationId ?? null,
    causationId: meta.causationId ?? null,
    schemaVersion: meta.schemaVersion ?? 1,
    data: event.data,
  };
}

/**
 * Every event of the initiative's stream as stored (not upcast: the trail shows what was written),
 * or those that had occurred by `asOf`; empty when unknown (then).
 */
export async function initiativeTrail(stored: EventStore, initiativeId: string, asOf?: string): Promise<AuditEntry[]> {
  const streamId = initiativeStreamId(initiativeId);
  const events =
    asOf === undefined ? await stored.readStream(streamId) : await streamEventsUntil(stored, streamId, asOf);
  return events.map(toAuditEntry);
}

/** The hash-chain check of the initiative's stream, or null when there is no such initiative. */
export async function verifyInitiative(stored: EventStore, initiativeId: string): Promise<ChainVerification | null> {
  const events = await stored.readStream(initiativeStreamId(initiativeId));
  return events.length === 0 ? null : verifyChain(events);
}

/**
 * Where a decision was recorded, found by folding the decision log over the whole log: for tools
 * that have no live read models. The service asks its live decision log instead.
 */
export async function locateDecision(current: EventStore, decisionId: string): Promise<DecisionEntry | null> {
  const set = new ProjectionSet([decisionLogProjection]);
  let after: string | undefined;
  for (;;) {
    const page = await current.readAll({ after, maxCount: 5000 });
    if (page.length === 0) break;
    for (const event of page) set.apply(event);
    after = page[page.length - 1].position;
  }
  return findDecision(set.of(decisionLogProjection), decisionId);
}

interface ReplayState {
  set: ProjectionSet;
  state: InitiativeState;
}

/** The read model the maker saw and the domain state the evidence comes from, folded in one pass. */
const REPLAYED_PROJECTIONS = [initiativeDetailsProjection, initiativeReadingsProjection];

const REPLAY_FOLDER: StreamFolder<ReplayState> = {
  // The domain state's fold is named by its code; raise the number when a helper it calls changes.
  fingerprint: `decision-replay:${codeFingerprint(
    initiativeDetailsProjection.fingerprint,
    initiativeReadingsProjection.fingerprint,
    evolveInitiative,
    2,
  )}`,
  initial: () => ({ set: new ProjectionSet(REPLAYED_PROJECTIONS), state: initialInitiativeState }),
  apply: (replay, event) => {
    replay.set.apply(event);
    // The store hands out events upcast to today's shape; their type names the domain event.
    return { set: replay.set, state: evolveInitiative(replay.state, event as unknown as InitiativeEvent) };
  },
  save: ({ set, state }) => ({ views: set.saved(), state }),
  load: (saved) => {
    const { views, state } = saved as { views: ReturnType<ProjectionSet['saved']>; state: InitiativeState };
    return { set: ProjectionSet.restore(REPLAYED_PROJECTIONS, views)!, state };
  },
};

export interface DecisionReplayResult {
  decision: DecisionView;
  /** The initiative as a dashboard showed it the moment before the decision. */
  initiativeBefore: Initiative;
  eventsBefore: number;
  recomputedEvidence: MetricEvidence[];
  /** The rule in force for the decided iteration, and its recommendation, recomputed from the replayed events. */
  recomputedRule: DecisionRule | null;
  recomputedRecommendation: Recommendation | null;
  /** The recorded evidence, rule and recommendation are exactly what the events before the decision give. */
  evidenceMatches: boolean;
}

/** The rule and recommendation a decision on `iteration` would freeze from this state. */
function ruleAndRecommendation(state: InitiativeState, iteration: number) {
  if (state.status !== 'PILOTING' && state.status !== 'SCALED' && state.status !== 'STOPPED') {
    return { rule: null, recommendation: null };
  }
  const decided = state.iterations.find((it) => it.number === iteration);
  return {
    rule: decided ? ruleForIteration(state, decided) : null,
    recommendation: recommendationFor(state, iteration),
  };
}

/**
 * Replays the initiative's stream up to a decision in one pass: the read model the maker saw,
 * and the domain state the evidence is computed from, exactly as the command that recorded it
 * computed it. Null when the stream holds no such decision at that revision.
 */
export async function replayDecision(
  current: EventStore,
  location: Pick<DecisionEntry, 'id' | 'initiativeId' | 'revision'>,
  snapshots: StreamSnapshots = new StreamSnapshots(null, 0),
): Promise<DecisionReplayResult | null> {
  const streamId = initiativeStreamId(location.initiativeId);
  const [decisionEvent] = await current.readStream(streamId, { fromRevision: location.revision, maxCount: 1 });
  if (!decisionEvent || decisionEvent.revision !== location.revision || decisionEvent.type !== 'DecisionRecorded')
    return null;
  if ((decisionEvent.data as DecisionRecorded['data']).decisionId !== location.id) return null;

  const before = await snapshots.fold(current, streamId, REPLAY_FOLDER, { version: location.revision });
  if (before.events !== location.revision) return null;
  const { set: replayed, state } = before.state;
  const viewBefore = replayed.of(initiativeDetailsProjection).get(location.initiativeId);
  if (!viewBefore) return null;

  const decidedAt = decisionEvent.metadata.occurredAt;
  const teamEvents = (await streamEventsUntil(current, teamStreamId(viewBefore.teamId), decidedAt)).filter(
    (event) => current.comparePositions(event.position, decisionEvent.position) < 0,
  );
  const team = ProjectionSet.fold([teamDetailsProjection], teamEvents).of(teamDetailsProjection).get(viewBefore.teamId);
  const readings = replayed.of(initiativeReadingsProjection).get(location.initiativeId) ?? [];
  const initiativeBefore = toInitiative(viewBefore, team, decidedAt, readings);

  replayed.apply(decisionEvent);
  const decision = replayed
    .of(initiativeDetailsProjection)
    .get(location.initiativeId)!
    .decisions.find((d) => d.id === location.id)!;
  // Each decision is recomputed with the figures it was frozen with, so older evidence still matches.
  const recomputedEvidence = evidence(state, decision.evidenceVersion);
  const recomputed = ruleAndRecommendation(state, decision.iteration);
  return {
    decision,
    initiativeBefore,
    eventsBefore: location.revision,
    recomputedEvidence,
    recomputedRule: recomputed.rule,
    recomputedRecommendation: recomputed.recommendation,
    evidenceMatches:
      canonicalJson(recomputedEvidence) === canonicalJson(decision.evidence) &&
      canonicalJson(recomputed.rule) === canonicalJson(decision.rule) &&
      canonicalJson(recomputed.recommendation) === canonicalJson(decision.recommendation),
  };
}
