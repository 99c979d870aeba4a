import { EventStore, Position, RecordedEvent, Subscription } from '../event-store/event-store.port';
import { decodeSnapshot, encodeSnapshot } from '../snapshots/snapshot-codec';
import { SnapshotStore } from '../snapshots/snapshot-store';
import { Projection, ProjectionSet } from './projection';

export class ProjectionTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`The read models did not reach the write within ${timeoutMs} ms`);
    this.name = 'ProjectionTimeoutError';
  }
}

interface Waiter {
  position: Position;
  resolve: () => void;
}

/** Where the read models are saved, and how often. */
export interface ReadModelPersistence {
  snapshots: SnapshotStore;
  /** Events folded between two saves while running; the read models are also saved once caught up and at stop. */
  every: number;
  /** What else the views depend on besides the projections' code, e.g. the event schema versions. */
  codeVersion: string;
}

const SNAPSHOT_NAME = 'read-models';

interface SavedReadModels {
  views: Record<string, Array<[string, unknown]>>;
  /** The last event folded in, to check it is still in the log at the checkpoint. */
  last: { streamId: string; revision: number } | null;
}

/**
 * Follows the store's global log from its checkpoint and folds every event into the read
 * models: catch-up first, then live. Callers can wait until a position they wrote has been
 * applied, which is how a mutation answers with its own write.
 */
export class ProjectionRunner {
  readonly set: ProjectionSet;
  private checkpoint: Position | undefined;
  private subscription: Subscription | null = null;
  private running: Promise<void> | null = null;
  private caughtUpOnce = false;
  private waiters: Waiter[] = [];
  private failure: Error | null = null;
  private readonly caughtUpListeners: Array<() => void> = [];
  private last: RecordedEvent | null = null;
  private foldedSinceSave = 0;
  private stopping = false;
  private stopped: Promise<void> | null = null;
  private restored: Position | null | undefined;

  /** @param store the store as the service reads it: events come out upcast to today's shape. */
  constructor(
    readonly store: EventStore,
    projections: Iterable<Projection<unknown>> = [],
    private readonly persistence: ReadModelPersistence | null = null,
  ) {
    this.set = new ProjectionSet(projections);
  }

  /** The checkpoint of the saved read models this runner started from; null when it folded the log from its start. */
  get restoredFrom(): Position | null | undefined {
    return this.restored;
  }

  /** Adds a read model; only before the runner starts, since it folds from position zero. */
  register(projection: Projection<unknown>): void {
    if (this.running && !this.set.projections.includes(projection)) {
      throw new Error(`Read model ${projection.name} was registered after the read models started following the log`);
    }
    this.set.add(projection);
  }

  get isCaughtUp(): boolean {
    return this.caughtUpOnce;
  }

  get position(): Position | undefined {
    return this.checkpoint;
  }

  get error(): Error | null {
    return this.failure;
  }

  start(): void {
    if (this.running) return;
    this.running = (async () => {
      await this.restore();
      if (this.stopping) return;
      this.subscription = this.store.subscribeToAll({ after: this.checkpoint });
      await this.follow(this.subscription);
    })();
  }

  /** Resolves once the initial catch-up is done. */
  caughtUp(): Promise<void> {
    if (this.caughtUpOnce) return Promise.resolve();
    return new Promise((resolve) => this.caughtUpListeners.push(resolve));
  }

  /** Resolves once the event at `position` (or a later one) has been applied. */
  waitFor(position: Position, timeoutMs: number): Promise<void> {
    if (this.hasReached(position)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new ProjectionTimeoutError(timeoutMs));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Stops following the log and saves the read models; every caller waits for the same stop. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      await this.subscription?.close();
      await this.running;
      this.running = null;
      if (this.foldedSinceSave > 0 && !this.failure) this.save();
    })();
    return this.stopped;
  }

  /**
   * Starts from the saved read models when they were folded by this very code and their last event
   * stands in the log where they say: the log is then read only after their checkpoint.
   */
  private async restore(): Promise<void> {
    this.restored = null;
    const saved = this.persistence?.snapshots.read(SNAPSHOT_NAME);
    if (!saved || saved.version !== this.version || saved.position === null) return;
    const { views, last } = decodeSnapshot<SavedReadModels>(saved.payload);
    if (!last) return;
    const [event] = await this.store.readStream(last.streamId, { fromRevision: last.revision, maxCount: 1 });
    if (event?.id !== saved.lastEventId || event.position !== saved.position) return;
    const set = ProjectionSet.restore(this.set.projections, views);
    if (!set) return;
    for (const projection of set.projections) {
      const target = this.set.of(projection) as Map<string, unknown>;
      for (const [key, view] of set.of(projection)) target.set(key, view);
    }
    this.checkpoint = saved.position;
    this.last = event;
    this.restored = saved.position;
  }

  private save(): void {
    if (!this.persistence || !this.last) return;
    const saved: SavedReadModels = {
      views: this.set.saved(),
      last: { streamId: this.last.streamId, revision: this.last.revision },
    };
    this.persistence.snapshots.write({
      name: SNAPSHOT_NAME,
      version: this.version,
      position: this.last.position,
      lastEventId: this.last.id,
      payload: encodeSnapshot(saved),
    });
    this.foldedSinceSave = 0;
  }

  private get version(): string {
    return `${this.set.fingerprint}/${this.persistence?.codeVersion ?? ''}`;
  }

  private hasReached(position: Position): boolean {
    return this.checkpoint !== undefined && this.store.comparePositions(this.checkpoint, position) >= 0;
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const message of subscription) {
        if (message.kind === 'caught-up') {
          this.markCaughtUp();
          if (this.persistence && this.foldedSinceSave >= this.persistence.every) this.save();
          continue;
        }
        this.set.apply(message.event);
        this.checkpoint = message.event.position;
        this.last = message.event;
        this.foldedSinceSave++;
        if (this.waiters.length > 0) this.releaseWaiters();
        if (this.caughtUpOnce && this.persistence && this.foldedSinceSave >= this.persistence.every) this.save();
      }
    } catch (error) {
      this.failure = error as Error;
    }
  }

  private markCaughtUp(): void {
    if (this.caughtUpOnce) return;
    this.caughtUpOnce = true;
    for (const listener of this.caughtUpListeners.splice(0)) listener();
  }

  private releaseWaiters(): void {
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (this.hasReached(waiter.position)) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }
}
