import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store/event-store.port';
import { ProjectionSet } from '../shared/projections/projection';
import { ReadModels } from '../shared/projections/read-models';

export function occurredAt(event: RecordedEvent): string {
  return typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : '';
}

/**
 * Time travel: the read models as they stood at an instant, by folding the events that had
 * occurred by then through the very projections that serve live queries.
 */
@Injectable()
export class History {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async streamEventsUntil(streamId: string, asOf: string): Promise<RecordedEvent[]> {
    const events = await this.store.readStream(streamId);
    return events.filter((e) => occurredAt(e) <= asOf);
  }

  /** The read models built from these streams' events that occurred at or before `asOf`. */
  async foldStreams(streamIds: readonly string[], asOf: string): Promise<ProjectionSet> {
    const perStream = await Promise.all([...new Set(streamIds)].map((id) => this.streamEventsUntil(id, asOf)));
    const events = perStream.flat().sort((a, b) => this.store.comparePositions(a.position, b.position));
    return this.readModels.fold(events);
  }

  /** The whole log up to `asOf`, for portfolio-wide questions. */
  async foldAll(asOf: string): Promise<ProjectionSet> {
    const events: RecordedEvent[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: 5000 });
      if (page.length === 0) break;
      for (const event of page) if (occurredAt(event) <= asOf) events.push(event);
      after = page[page.length - 1].position;
    }
    return this.readModels.fold(events);
  }
}
