import { RecordedEvent } from './shared/event-store/event-store.port';

/** Until the domain's upcaster registry lands, every stored event is already current. */
export function upcastEvent(event: RecordedEvent): RecordedEvent {
  return event;
}

export function schemaVersionOf(_eventType: string): number {
  return 1;
}
