import { EventData, Upcasting } from '../domain/upcasting';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  JsonObject,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from './event-store.port';

/** A stored event as today's code reads it: older payloads upcast, the stored bytes untouched. */
export function upcastRecorded(upcasting: Upcasting, event: RecordedEvent): RecordedEvent {
  const stored = event.metadata.schemaVersion;
  const current = upcasting.upcast(event.type, event.data as EventData, stored, { actor: event.metadata.actor });
  if (current.schemaVersion === stored) return event;
  return {
    ...event,
    data: current.data as JsonObject,
    metadata: { ...event.metadata, schemaVersion: current.schemaVersion },
  };
}

/**
 * The event store in today's shapes: every event appended carries the schema version its type
 * is written at, and every event read, from a stream, the log or a subscription, is upcast once
 * here, so no reader ever sees an older shape.
 */
export class VersionedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    readonly upcasting: Upcasting,
  ) {}

  append(streamId: string, events: EventToAppend[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const versioned = events.map((event) => ({
      ...event,
      metadata: {
        ...event.metadata,
        schemaVersion: event.metadata.schemaVersion ?? this.upcasting.schemaVersionOf(event.type),
      },
    }));
    return this.inner.append(streamId, versioned, expectedVersion);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, options)).map(this.upcast);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map(this.upcast);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const inner = this.inner.subscribeToAll(options);
    const upcast = this.upcast;
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
        for await (const message of inner) {
          yield message.kind === 'event' ? { kind: 'event', event: upcast(message.event) } : message;
        }
      },
    };
  }

  comparePositions(a: Position, b: Position): number {
    return this.inner.comparePositions(a, b);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private readonly upcast = (event: RecordedEvent): RecordedEvent => upcastRecorded(this.upcasting, event);
}
