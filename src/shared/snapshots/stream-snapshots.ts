import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';
import { SnapshotStore } from './snapshot-store';

/** How a stream's events are folded into a state, and named so a snapshot is used only by the same fold. */
export interface StreamFolder<State> {
  /** Changes whenever the fold's code does (see projectionFingerprint). */
  readonly fingerprint: string;
  initial(): State;
  /** The next state; it may change `state` in place and return it. */
  apply(state: State, event: RecordedEvent): State;
  /** The state as plain data for snapshot-codec, and back; the state itself when left out. */
  save?(state: State): unknown;
  load?(saved: unknown): State;
}

/** Which of the stream's events to fold: the first `version` of them, those that occurred by `asOf`, or both. */
export interface StreamBounds {
  version?: number;
  asOf?: string;
}

export interface FoldedStreamState<State> {
  state: State;
  /** The events folded, in stream order. */
  events: number;
}

/**
 * Folds a stream from its latest usable snapshot instead of its first event, and saves a new
 * snapshot when a fold had to read `every` events or more past the one it started from. A
 * snapshot saves the fold of revisions 0 to version - 1, which never change, so it stays right for
 * every later question whose bounds include all of them; the event it ends on is read again to
 * make sure the log is still the one that was folded.
 */
export class StreamSnapshots {
  constructor(
    private readonly snapshots: SnapshotStore | null,
    /** Events read past a snapshot before a new one is saved; 0 turns snapshots off. */
    readonly every: number,
    /** What every fold depends on besides its own code, e.g. the event schema versions and upcasters. */
    private readonly codeVersion = '',
  ) {}

  private key(folder: StreamFolder<unknown>): string {
    return `${folder.fingerprint}/${this.codeVersion}`;
  }

  async fold<State>(
    store: EventStore,
    streamId: string,
    folder: StreamFolder<State>,
    bounds: StreamBounds = {},
  ): Promise<FoldedStreamState<State>> {
    const start = await this.start(store, streamId, folder, bounds);
    let state = start.state;
    const remaining = bounds.version === undefined ? undefined : bounds.version - start.version;
    const events =
      remaining === 0
        ? []
        : await store.readStream(streamId, {
            fromRevision: start.version,
            ...(remaining === undefined ? {} : { maxCount: remaining }),
            ...(bounds.asOf === undefined ? {} : { untilOccurredAt: bounds.asOf }),
          });
    let folded = 0;
    // The snapshot to save must be a fold of the stream's first events: stop counting at a gap in revisions.
    let prefix = start.version;
    let maxOccurredAt = start.maxOccurredAt;
    let last: RecordedEvent | null = null;
    for (const event of events) {
      const at = event.metadata.occurredAt;
      if (bounds.asOf !== undefined && !(at !== undefined && at !== '' && at <= bounds.asOf)) continue;
      state = folder.apply(state, event);
      folded++;
      if (event.revision === prefix) {
        prefix++;
        last = event;
        if (at !== undefined && at > maxOccurredAt) maxOccurredAt = at;
      }
    }
    if (
      this.snapshots &&
      this.every > 0 &&
      last &&
      prefix - start.version >= this.every &&
      prefix === start.version + folded
    ) {
      this.snapshots.writeStream({
        streamId,
        folder: this.key(folder as StreamFolder<unknown>),
        version: prefix,
        lastEventId: last.id,
        maxOccurredAt,
        payload: encodeSnapshot(folder.save ? folder.save(state) : state),
      });
    }
    return { state, events: start.version + folded };
  }

  private async start<State>(
    store: EventStore,
    streamId: string,
    folder: StreamFolder<State>,
    bounds: StreamBounds,
  ): Promise<{ state: State; version: number; maxOccurredAt: string }> {
    const none = { state: folder.initial(), version: 0, maxOccurredAt: '' };
    if (!this.snapshots || this.every === 0) return none;
    const snapshot = this.snapshots.latestOfStream(streamId, this.key(folder as StreamFolder<unknown>), {
      maxVersion: bounds.version,
      maxOccurredAt: bounds.asOf,
    });
    if (!snapshot) return none;
    const [lastFolded] = await store.readStream(streamId, { fromRevision: snapshot.version - 1, maxCount: 1 });
    if (lastFolded?.id !== snapshot.lastEventId) return none;
    return {
      state: folder.load ? folder.load(decodeSnapshot(snapshot.payload)) : decodeSnapshot<State>(snapshot.payload),
      version: snapshot.version,
      maxOccurredAt: snapshot.maxOccurredAt,
    };
  }
}
