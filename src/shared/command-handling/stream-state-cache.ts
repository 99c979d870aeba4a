import { Position } from '../event-store/event-store.port';

/** A stream folded into decider state up to `version`, with what the write path needs of it. */
export interface FoldedStream<State> {
  readonly state: State;
  /** Events folded: the stream's version when it was read. */
  readonly version: number;
  readonly position: Position | null;
  readonly commandIds: StreamCommandIds;
}

/**
 * The commandIds of a stream's events up to a version. Every fold of one stream shares one map
 * from a commandId to the first revision that carries it — a fact of the log, the same for every
 * fold — so a later version adds its events' ids in O(1) instead of copying a set of the whole
 * stream's, and an earlier version still answers only for its own events.
 */
export class StreamCommandIds {
  private constructor(
    private readonly firstRevision: Map<string, number>,
    private readonly version: number,
  ) {}

  static none(): StreamCommandIds {
    return new StreamCommandIds(new Map(), 0);
  }

  has(commandId: string): boolean {
    const revision = this.firstRevision.get(commandId);
    return revision !== undefined && revision < this.version;
  }

  /** These ids followed by the events at the next revisions, each carrying its commandId (if any). */
  followedBy(commandIds: ReadonlyArray<string | undefined>): StreamCommandIds {
    commandIds.forEach((commandId, index) => {
      if (commandId !== undefined && !this.firstRevision.has(commandId))
        this.firstRevision.set(commandId, this.version + index);
    });
    return new StreamCommandIds(this.firstRevision, this.version + commandIds.length);
  }
}

/**
 * The last folded state of recently written streams, so a command reads and folds only the
 * events appended since (by any replica) instead of its whole stream. Entries are never changed
 * once stored, only replaced by later ones; the least recently used goes first when full.
 *
 * It is only a starting point: the write path always reads the stream's tail from the store,
 * and the store's expected-version check still decides every append.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, { fold: unknown; folded: FoldedStream<unknown> }>();

  /** @param capacity streams kept; 0 turns the cache off. */
  constructor(readonly capacity = 1000) {}

  /** The entry of a stream, if it was folded with the same `fold` function (the decider's evolve). */
  get<State>(streamId: string, fold: unknown): FoldedStream<State> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.fold !== fold) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry.folded as FoldedStream<State>;
  }

  set<State>(streamId: string, fold: unknown, folded: FoldedStream<State>): void {
    if (this.capacity === 0) return;
    const current = this.entries.get(streamId);
    // Two commands on one stream may finish out of order; never step back to an older version.
    if (current && current.fold === fold && current.folded.version > folded.version) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { fold, folded });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
