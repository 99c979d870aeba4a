import { EventStore, RecordedEvent } from '../shared/event-store/event-store.port';
import { Projection, ProjectionSet } from '../shared/projections/projection';

/** Brings a stored event to its current schema, as the live projections see it. */
export type Upcast = (event: RecordedEvent) => RecordedEvent;

/** The store and how its events are read: what time travel, replay and verification need, without Nest. */
export interface EventSource {
  store: EventStore;
  upcast: Upcast;
}

export function occurredAt(event: RecordedEvent): string {
  return typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : '';
}

/** An event without a time occurred at no instant, so no instant includes it. */
export function occurredBy(event: RecordedEvent, asOf: string): boolean {
  const at = occurredAt(event);
  return at !== '' && at <= asOf;
}

export function foldEvents(
  projections: readonly Projection<unknown>[],
  events: Iterable<RecordedEvent>,
  upcast: Upcast,
): ProjectionSet {
  const set = new ProjectionSet(projections);
  for (const event of events) set.apply(upcast(event));
  return set;
}

export async function streamEventsUntil(store: EventStore, streamId: string, asOf: string): Promise<RecordedEvent[]> {
  const events = await store.readStream(streamId, { untilOccurredAt: asOf });
  // The bound lets an indexed store skip the rest of the stream; others may ignore it.
  return events.filter((event) => occurredBy(event, asOf));
}

/**
 * The chosen read models built from these streams' events that occurred at or before `asOf`,
 * in the order of the global log, as the live projections saw them.
 */
export async function foldStreamsAsOf(
  source: EventSource,
  projections: readonly Projection<unknown>[],
  streamIds: readonly string[],
  asOf: string,
): Promise<ProjectionSet> {
  const { store } = source;
  const perStream = await Promise.all([...new Set(streamIds)].map((id) => streamEventsUntil(store, id, asOf)));
  const events = perStream.flat().sort((a, b) => store.comparePositions(a.position, b.position));
  return foldEvents(projections, events, source.upcast);
}

/** The whole log up to `asOf`, for portfolio-wide questions. */
export async function foldAllAsOf(
  source: EventSource,
  projections: readonly Projection<unknown>[],
  asOf: string,
): Promise<ProjectionSet> {
  const set = new ProjectionSet(projections);
  let after: string | undefined;
  for (;;) {
    const page = await source.store.readAll({ after, maxCount: 5000 });
    if (page.length === 0) break;
    for (const event of page) if (occurredBy(event, asOf)) set.apply(source.upcast(event));
    after = page[page.length - 1].position;
  }
  return set;
}
