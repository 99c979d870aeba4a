import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../shared/event-store/event-store.port';
import { Projection, ProjectionSet } from '../shared/projections/projection';
import { ReadModels } from '../shared/projections/read-models';
import { EventSource, foldAllAsOf, foldStreamsAsOf } from './time-travel';

export { occurredAt } from './time-travel';

/**
 * Time travel: the read models as they stood at an instant, by folding the events that had
 * occurred by then through the very projections that serve live queries. Callers name the read
 * models their answer needs, so a question about one initiative does not pay for all of them.
 */
@Injectable()
export class History {
  readonly source: EventSource;

  constructor(@Inject(EVENT_STORE) store: EventStore, readModels: ReadModels) {
    this.source = { store, upcast: readModels.upcastEvent };
  }

  foldStreams(
    streamIds: readonly string[],
    asOf: string,
    projections: readonly Projection<unknown>[],
  ): Promise<ProjectionSet> {
    return foldStreamsAsOf(this.source, projections, streamIds, asOf);
  }

  foldAll(asOf: string, projections: readonly Projection<unknown>[]): Promise<ProjectionSet> {
    return foldAllAsOf(this.source, projections, asOf);
  }
}
