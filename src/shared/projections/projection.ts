import { createHash } from 'node:crypto';
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
  /**
   * Names the code that folds the views: a saved snapshot of them is used only by a projection
   * with the same fingerprint, and anything else folds again from the log.
   */
  readonly fingerprint: string;
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
  /**
   * Raised when the views change through code outside `keyOf` and `evolve` (a helper they call):
   * their own source is part of the fingerprint already, so saved views of the old code are not used.
   */
  version?: number;
}

/** A fingerprint of the code that folds: a change in any part of it gives another. */
export function codeFingerprint(
  ...parts: Array<string | number | readonly string[] | ((...args: never[]) => unknown)>
): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${typeof part === 'function' ? part.toString() : JSON.stringify(part)}\u0000`);
  return hash.digest('hex').slice(0, 32);
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
    fingerprint: codeFingerprint(
      definition.name,
      [...definition.events].sort(),
      definition.version ?? 1,
      definition.keyOf,
      definition.evolve,
    ),
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

  /** One fingerprint for every projection of the set (see Projection.fingerprint). */
  get fingerprint(): string {
    return codeFingerprint(this.projections.map((p) => `${p.name}@${p.fingerprint}`).sort());
  }

  /** The views of every projection, by name, to save with snapshot-codec. */
  saved(): Record<string, Array<[string, unknown]>> {
    const saved: Record<string, Array<[string, unknown]>> = {};
    for (const [projection, views] of this.views) saved[projection.name] = [...views];
    return saved;
  }

  /** The set as saved; null when the saved views are not those of exactly these projections. */
  static restore(
    projections: Iterable<Projection<unknown>>,
    saved: Record<string, Array<[string, unknown]>>,
  ): ProjectionSet | null {
    const set = new ProjectionSet(projections);
    if (Object.keys(saved).length !== set.views.size) return null;
    for (const [projection, views] of set.views) {
      const entries = saved[projection.name];
      if (!entries) return null;
      for (const [key, view] of entries) views.set(key, view);
    }
    return set;
  }

  static fold(projections: Iterable<Projection<unknown>>, events: Iterable<RecordedEvent>): ProjectionSet {
    const set = new ProjectionSet(projections);
    for (const event of events) set.apply(event);
    return set;
  }
}
