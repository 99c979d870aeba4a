import { Position, RecordedEvent } from '../event-store/event-store.port';
import { Projection, ProjectionSet, Views } from './projection';
import { ProjectionRunner } from './projection-runner';

/**
 * The live read models, and the same projections folded over a chosen set of events for
 * answers "as of" an instant: one implementation of every figure for both.
 */
export class ReadModels {
  constructor(
    readonly runner: ProjectionRunner,
    private readonly readYourWritesTimeoutMs: number,
    private readonly upcast: (event: RecordedEvent) => RecordedEvent,
  ) {}

  /** Brings a stored event to its current schema, as the live projections see it. */
  readonly upcastEvent = (event: RecordedEvent): RecordedEvent => this.upcast(event);

  views<TView>(projection: Projection<TView>): Views<TView> {
    return this.runner.set.of(projection);
  }

  /** Waits until the read models include the write at `position` (a mutation answering with its own write). */
  async include(position: Position | null): Promise<void> {
    if (position !== null) await this.runner.waitFor(position, this.readYourWritesTimeoutMs);
  }

  /** Folds stored events through the same projections, outside the live read models. */
  fold(events: Iterable<RecordedEvent>): ProjectionSet {
    const upcast = this.upcast;
    function* upcasted() {
      for (const event of events) yield upcast(event);
    }
    return ProjectionSet.fold(this.runner.set.projections, upcasted());
  }
}
