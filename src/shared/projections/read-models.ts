import { Clock } from '../clock';
import { CommandOutcome } from '../command-handling/command-handling';
import { EventStore } from '../event-store/event-store.port';
import { ReadModelsAt, readModelsAsOf, TimeTravelScope } from '../time-travel/time-travel';
import { StreamSnapshots } from '../snapshots/stream-snapshots';
import { Projection, Views } from './projection';
import { ProjectionRunner, ProjectionTimeoutError, ReadModelPersistence } from './projection-runner';

/**
 * A write that is in the event store but that this replica's read models do not show yet. The
 * client may read the entity again shortly, or retry with the same commandId, which appends
 * nothing and answers again.
 */
export class WriteNotYetVisible extends Error {
  constructor(
    readonly outcome: CommandOutcome,
    timeoutMs: number,
  ) {
    super(
      `The write to ${outcome.entity} "${outcome.id}" is recorded (version ${outcome.version}), but this replica's ` +
        `read models did not show it within ${timeoutMs} ms: read it again shortly, or retry with the same commandId`,
    );
    this.name = 'WriteNotYetVisible';
  }
}

/**
 * The read models of this replica: every slice registers the projections it reads, they follow
 * the store's log from position zero, and the same projections answer "as of" an instant.
 */
export class ReadModels {
  readonly runner: ProjectionRunner;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readYourWritesTimeoutMs: number,
    options: { persistence?: ReadModelPersistence | null; streamSnapshots?: StreamSnapshots } = {},
  ) {
    this.runner = new ProjectionRunner(store, [], options.persistence ?? null);
    this.streamSnapshots = options.streamSnapshots;
  }

  /** Folds of long streams saved along the way, so a past instant need not be folded from the first event. */
  readonly streamSnapshots: StreamSnapshots | undefined;

  /** Keeps a read model live; every slice calls it for the projections it reads, before the service starts. */
  register(...projections: Projection<unknown>[]): void {
    for (const projection of projections) this.runner.register(projection);
  }

  /** Names of the read models kept, in the order they were registered. */
  get names(): string[] {
    return this.runner.set.projections.map((projection) => projection.name);
  }

  start(): void {
    this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }

  /** Nest's hook on SIGTERM and SIGINT: stop following the log, saving the read models for the next start. */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  views<View>(projection: Projection<View>): Views<View> {
    return this.runner.set.of(projection);
  }

  /** The live read models, with the clock's reading as the instant of every time-dependent figure. */
  now(): ReadModelsAt {
    return { now: this.clock.now(), of: (projection) => this.views(projection) };
  }

  /** Live without `asOf`; otherwise the scope's read models folded from the events that had occurred by then. */
  at(asOf: string | null | undefined, scope: TimeTravelScope): Promise<ReadModelsAt> {
    if (asOf === null || asOf === undefined) return Promise.resolve(this.now());
    return readModelsAsOf(this.store, asOf, scope, this.streamSnapshots);
  }

  /** Waits until the read models include a write, so a mutation answers with its own write. */
  async include(outcome: CommandOutcome): Promise<void> {
    if (outcome.position === null) return;
    try {
      await this.runner.waitFor(outcome.position, this.readYourWritesTimeoutMs);
    } catch (error) {
      if (error instanceof ProjectionTimeoutError) throw new WriteNotYetVisible(outcome, this.readYourWritesTimeoutMs);
      throw error;
    }
  }
}
