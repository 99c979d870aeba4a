import { EventStore, Position, Subscription } from '../event-store/event-store.port';
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

  /** @param store the store as the service reads it: events come out upcast to today's shape. */
  constructor(
    readonly store: EventStore,
    projections: Iterable<Projection<unknown>> = [],
  ) {
    this.set = new ProjectionSet(projections);
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
    this.subscription = this.store.subscribeToAll({ after: this.checkpoint });
    this.running = this.follow(this.subscription);
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

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.running;
    this.running = null;
  }

  private hasReached(position: Position): boolean {
    return this.checkpoint !== undefined && this.store.comparePositions(this.checkpoint, position) >= 0;
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const message of subscription) {
        if (message.kind === 'caught-up') {
          this.markCaughtUp();
          continue;
        }
        this.set.apply(message.event);
        this.checkpoint = message.event.position;
        if (this.waiters.length > 0) this.releaseWaiters();
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
