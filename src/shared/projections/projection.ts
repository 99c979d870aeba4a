import { DomainEvent } from '../domain/decider';
import { RecordedEvent } from '../event-store/event-store.port';

/** A domain event as it was recorded: where it stands in its stream and the log, and its metadata. */
export type Recorded<Event extends DomainEvent> = Omit<RecordedEvent, 'type' | 'data'> & Event;

/**
 * A read model kept as views by key. `evolve` is pure: it returns the next view of one key from
 * the previous one and an event, so folding the log from position zero, live or all at once,
 * always gives the same views.
 */
export interface Projection<View> {
  readonly name: string;
  /** The key of the view this event changes; null when the event does not concern this read model. */
  keyOf(event: RecordedEvent): string | null;
  evolve(view: View | undefined, event: RecordedEvent): View;
}

export interface ProjectionDefinition<Event extends DomainEvent, View> {
  name: string;
  /** Every event type this read model folds; any other event leaves it as it is. */
  events: readonly Event['type'][];
  keyOf(event: Recorded<Event>): string;
  evolve(view: View | undefined, event: Recorded<Event>): View;
}

/**
 * A projection typed on the events it folds. The store hands out events upcast to today's shape
 * (VersionedEventStore), so an event whose type is listed has the data its domain type says:
 * the one place that is taken on trust is here, and no projection casts.
 */
export function defineProjection<Event extends DomainEvent, View>(
  definition: ProjectionDefinition<Event, View>,
): Projection<View> {
  const folds = new Set<string>(definition.events);
  return {
    name: definition.name,
    keyOf: (event) => (folds.has(event.type) ? definition.keyOf(event as unknown as Recorded<Event>) : null),
    evolve: (view, event) => definition.evolve(view, event as unknown as Recorded<Event>),
  };
}

export type Views<View> = ReadonlyMap<string, View>;

/** The views of several projections, folded from one sequence of events. */
export class ProjectionSet {
  private readonly views = new Map<Projection<unknown>, Map<string, unknown>>();

  constructor(projections: Iterable<Projection<unknown>> = []) {
    for (const projection of projections) this.add(projection);
  }

  get projections(): Projection<unknown>[] {
    return [...this.views.keys()];
  }

  /** Adds a read model to fold from the next event on; adding one twice keeps one. */
  add(projection: Projection<unknown>): void {
    if (!this.views.has(projection)) this.views.set(projection, new Map());
  }

  apply(event: RecordedEvent): void {
    for (const [projection, views] of this.views) {
      const key = projection.keyOf(event);
      if (key !== null) views.set(key, projection.evolve(views.get(key), event));
    }
  }

  of<View>(projection: Projection<View>): Views<View> {
    const views = this.views.get(projection as Projection<unknown>);
    if (!views) throw new Error(`Projection ${projection.name} is not part of this set`);
    return views as Views<View>;
  }

  static fold(projections: Iterable<Projection<unknown>>, events: Iterable<RecordedEvent>): ProjectionSet {
    const set = new ProjectionSet(projections);
    for (const event of events) set.apply(event);
    return set;
  }
}
