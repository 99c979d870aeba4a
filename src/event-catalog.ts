import { INITIATIVE_SCHEMA_VERSIONS, initiativeUpcasters } from './initiatives/domain/initiative.upcasters';
import { createUpcasting, Upcasting } from './shared/domain/upcasting';
import { EventStore, RecordedEvent } from './shared/event-store/event-store.port';
import { HashChainedEventStore } from './shared/event-store/hash-chain';
import { upcastRecorded, VersionedEventStore } from './shared/event-store/versioned-event-store';
import { codeFingerprint } from './shared/projections/projection';
import { TEAM_SCHEMA_VERSIONS, teamUpcasters } from './teams/domain/team.upcasters';

/**
 * Every aggregate's event types with the version of their data written today, and the upcasters
 * that bring older versions up to it. The chain is checked here, at start-up: a gap (say v2 → v3
 * missing) would otherwise only show when an old event is read years later.
 */
export const eventUpcasting: Upcasting = createUpcasting({ ...TEAM_SCHEMA_VERSIONS, ...INITIATIVE_SCHEMA_VERSIONS }, [
  ...teamUpcasters,
  ...initiativeUpcasters,
]);

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
  JSON.stringify({ ...TEAM_SCHEMA_VERSIONS, ...INITIATIVE_SCHEMA_VERSIONS }),
  ...[...teamUpcasters, ...initiativeUpcasters].map((upcaster) => upcaster.upcast),
);
