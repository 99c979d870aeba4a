import { upcast, schemaVersionOf as currentSchemaVersionOf } from './shared/domain/upcasting';
import { JsonObject, RecordedEvent } from './shared/event-store/event-store.port';

/** A stored event as today's code reads it: older payloads upcast, the stored bytes untouched. */
export function upcastEvent(event: RecordedEvent): RecordedEvent {
  const stored = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : undefined;
  const current = upcast(event.type, event.data, stored);
  if (current.schemaVersion === stored) return event;
  return {
    ...event,
    data: current.data as JsonObject,
    metadata: { ...event.metadata, schemaVersion: current.schemaVersion },
  };
}

export function schemaVersionOf(eventType: string): number {
  return currentSchemaVersionOf(eventType);
}
