import { INITIATIVE_SCHEMA_VERSIONS, initiativeUpcasters } from './initiatives/domain/initiative.upcasters';
import { createUpcasting, Upcasting } from './shared/domain/upcasting';
import { EventStore, RecordedEvent } from './shared/event-store/event-store.port';
import { HashChainedEventStore } from './shared/event-store/hash-chain';
import { upcastRecorded, VersionedEventStore } from './shared/event-store/versioned-event-store';
import { CHECKPOINT_SCHEMA_VERSIONS } from './shared/checkpoints/checkpoint-store';
import { LEASE_SCHEMA_VERSIONS } from './shared/leases/lease.decide';
import { codeFingerprint } from './shared/projections/projection';
import { TEAM_SCHEMA_VERSIONS, teamUpcasters } from './teams/domain/team.upcasters';
import { WEBHOOK_SCHEMA_VERSIONS, webhookUpcasters } from './webhooks/domain/webhook.upcasters';

/**
 * Every aggregate's event types with the version of their data written today, and the upcasters
 * that bring older versions up to it. The chain is checked here, at start-up: a gap (say v2 → v3
 * missing) would otherwise only show when an old event is read years later.
 */
const SCHEMA_VERSIONS = {
  ...TEAM_SCHEMA_VERSIONS,
  ...INITIATIVE_SCHEMA_VERSIONS,
  ...WEBHOOK_SCHEMA_VERSIONS,
  ...LEASE_SCHEMA_VERSIONS,
  ...CHECKPOINT_SCHEMA_VERSIONS,
};
const UPCASTERS = [...teamUpcasters, ...initiativeUpcasters, ...webhookUpcasters];

export const eventUpcasting: Upcasting = createUpcasting(SCHEMA_VERSIONS, UPCASTERS);

/** A stored event as today's code reads it, for tools that read the stored events themselves. */
export function upcastEvent(event: RecordedEvent): RecordedEvent {
  return upcastRecorded(eventUpcasting, event);
}

/** The store as the service writes and reads it: events versioned and upcast, hash-chained on append. */
export function pilotlogEventStore(stored: EventStore): EventStore {
  return new VersionedEventStore(new HashChainedEventStore(stored), eventUpcasting);
}

/** What read models depend on besides their own code: the shape events are upcast to, and how. */
export const EVENT_SHAPES_FINGERPRINT = codeFingerprint(
  JSON.stringify(SCHEMA_VERSIONS),
  ...UPCASTERS.map((upcaster) => upcaster.upcast),
);
