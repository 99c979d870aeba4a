import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { Projection, ProjectionSet, Views } from '../projections/projection';
import { StreamFolder, StreamSnapshots } from '../snapshots/stream-snapshots';

/**
 * Time travel: read models as they stood at an instant, folded from the events that had occurred
 * by then through the very projections that serve live answers, so no figure has a second
 * implementation. Events are read from the store as the service reads it (upcast).
 */

/** The read models at one instant: live now, or as they stood at `asOf`. */
export interface ReadModelsAt {
  /** The instant answers are computed for: the clock's reading live, `asOf` in the past (or future). */
  readonly now: string;
  of<View>(projection: Projection<View>): Views<View>;
}

/** Which read models a past answer needs, and from which streams (the whole log when left out). */
export interface TimeTravelScope {
  projections: readonly Projection<unknown>[];
  streams?: readonly string[];
}

/** An event without a time occurred at no instant, so no instant includes it. */
export function occurredBy(event: RecordedEvent, asOf: string): boolean {
  const at = event.metadata.occurredAt;
  return at !== undefined && at !== '' && at <= asOf;
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
  store: EventStore,
  projections: readonly Projection<unknown>[],
  streamIds: readonly string[],
  asOf: string,
  snapshots?: StreamSnapshots,
): Promise<ProjectionSet> {
  if (snapshots && snapshots.every > 0) {
    const folder = projectionsFolder(projections);
    const folds = await Promise.all([...new Set(streamIds)].map((id) => snapshots.fold(store, id, folder, { asOf })));
    const merged = mergeDisjoint(
      projections,
      folds.map((fold) => fold.state),
    );
    if (merged) return merged;
  }
  const perStream = await Promise.all([...new Set(streamIds)].map((id) => streamEventsUntil(store, id, asOf)));
  const events = perStream.flat().sort((a, b) => store.comparePositions(a.position, b.position));
  return ProjectionSet.fold(projections, events);
}

/** The chosen read models folded over one stream's events, as a stream snapshot saves them. */
export function projectionsFolder(projections: readonly Projection<unknown>[]): StreamFolder<ProjectionSet> {
  return {
    fingerprint: `read-models:${new ProjectionSet(projections).fingerprint}`,
    initial: () => new ProjectionSet(projections),
    apply: (set, event) => {
      set.apply(event);
      return set;
    },
    save: (set) => set.saved(),
    load: (saved) => ProjectionSet.restore(projections, saved as ReturnType<ProjectionSet['saved']>)!,
  };
}

/**
 * Streams folded apart give the views of the streams folded together, in log order, exactly when
 * no view was touched by two of them: each view then saw all of its events, in order. Null otherwise.
 */
function mergeDisjoint(projections: readonly Projection<unknown>[], sets: ProjectionSet[]): ProjectionSet | null {
  const merged = new ProjectionSet(projections);
  for (const projection of projections) {
    const target = merged.of(projection) as Map<string, unknown>;
    for (const set of sets) {
      for (const [key, view] of set.of(projection)) {
        if (target.has(key)) return null;
        target.set(key, view);
      }
    }
  }
  return merged;
}

/** The whole log up to `asOf`, for questions across every stream. */
export async function foldAllAsOf(
  store: EventStore,
  projections: readonly Projection<unknown>[],
  asOf: string,
): Promise<ProjectionSet> {
  const set = new ProjectionSet(projections);
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 5000 });
    if (page.length === 0) break;
    for (const event of page) if (occurredBy(event, asOf)) set.apply(event);
    after = page[page.length - 1].position;
  }
  return set;
}

/** The read models at `asOf`, folded over the scope's streams (or the whole log). */
export async function readModelsAsOf(
  store: EventStore,
  asOf: string,
  scope: TimeTravelScope,
  snapshots?: StreamSnapshots,
): Promise<ReadModelsAt> {
  const set = scope.streams
    ? await foldStreamsAsOf(store, scope.projections, scope.streams, asOf, snapshots)
    : await foldAllAsOf(store, scope.projections, asOf);
  return { now: asOf, of: (projection) => set.of(projection) };
}
