import { Position } from '../event-store/event-store.port';

/** A stream folded into decider state up to `version`, with what the write path needs of it. */
export interface FoldedStream<State> {
  readonly state: State;
  /** Events folded: the stream's version when it was read. */
  readonly version: number;
  readonly position: Position | null;
  readonly commandIds: ReadonlySet<string>;
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
