import { RecordedEvent } from '../event-store/event-store.port';

/**
 * A read model kept as views by key. `evolve` is pure: it returns the next view of one key from
 * the previous one and an event, so folding the log from position zero, live or all at once,
 * always gives the same views.
 */
export interface Projection<TView> {
  readonly name: string;
  /** The keys of the views this event changes; empty when the event does not concern this read model. */
  keysOf(event: RecordedEvent): readonly string[];
  evolve(view: TView | undefined, event: RecordedEvent): TView;
}

export type Views<TView> = ReadonlyMap<string, TView>;

/** The views of several projections, folded from one sequence of events. */
export class ProjectionSet {
  private readonly views = new Map<string, Map<string, unknown>>();

  constructor(readonly projections: readonly Projection<unknown>[]) {
    for (const projection of projections) this.views.set(projection.name, new Map());
  }

  apply(event: RecordedEvent): void {
    for (const projection of this.projections) {
      const keys = projection.keysOf(event);
      if (keys.length === 0) continue;
      const views = this.views.get(projection.name)!;
      for (const key of keys) views.set(key, projection.evolve(views.get(key), event));
    }
  }

  of<TView>(projection: Projection<TView>): Views<TView> {
    const views = this.views.get(projection.name);
    if (!views) throw new Error(`Projection ${projection.name} is not part of this set`);
    return views as Views<TView>;
  }

  static fold(projections: readonly Projection<unknown>[], events: Iterable<RecordedEvent>): ProjectionSet {
    const set = new ProjectionSet(projections);
    for (const event of events) set.apply(event);
    return set;
  }
}
