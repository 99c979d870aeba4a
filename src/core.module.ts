import { DynamicModule, Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from './config/config';
import { EVENT_SHAPES_FINGERPRINT, pilotlogEventStore } from './event-catalog';
import { JWT_SECRET } from './shared/auth/auth.tokens';
import { resolveJwtSecret } from './shared/auth/jwt-secret';
import {
  CHECKPOINT_STORE,
  CHECKPOINTS_FILE_NAME,
  EventStoreCheckpointStore,
  SqliteCheckpointStore,
} from './shared/checkpoints/checkpoint-store';
import { CLOCK, Clock, systemClock } from './shared/clock';
import { CommandHandling } from './shared/command-handling/command-handling';
import { StreamStateCache } from './shared/command-handling/stream-state-cache';
import { EVENT_STORE, EventStore, STORED_EVENTS } from './shared/event-store/event-store.port';
import { ReadModels } from './shared/projections/read-models';
import { SNAPSHOT_FILE_NAME, SnapshotStore } from './shared/snapshots/snapshot-store';
import { StreamSnapshots } from './shared/snapshots/stream-snapshots';

/** The saved folds of the log (read models, long streams), or null when snapshots are off. */
export const SNAPSHOTS = Symbol('Snapshots');

export interface CoreOptions {
  config: AppConfig;
  /** The store as opened (SQLite file or EventStoreDB); the service uses it through its decorators. */
  stored: EventStore;
  clock?: Clock;
}

/** What every capability shares: the configuration, the event store, the clock, the write path, the read models and checkpoints. */
@Global()
@Module({})
export class CoreModule {
  static register({ config, stored, clock = systemClock }: CoreOptions): DynamicModule {
    const store = pilotlogEventStore(stored);
    const cache = new StreamStateCache(config.commandStateCacheStreams);
    const secret = resolveJwtSecret(config.jwtSecret, config.dataDir);
    const snapshots =
      config.readModelSnapshotEvents > 0 || config.streamSnapshotEvents > 0
        ? new SnapshotStore(join(config.dataDir, SNAPSHOT_FILE_NAME))
        : null;
    const readModels = new ReadModels(store, clock, config.readYourWritesTimeoutMs, {
      persistence:
        snapshots && config.readModelSnapshotEvents > 0
          ? { snapshots, every: config.readModelSnapshotEvents, codeVersion: EVENT_SHAPES_FINGERPRINT }
          : null,
      streamSnapshots: new StreamSnapshots(snapshots, config.streamSnapshotEvents, EVENT_SHAPES_FINGERPRINT),
    });
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: store },
        { provide: STORED_EVENTS, useValue: stored },
        { provide: CLOCK, useValue: clock },
        { provide: CommandHandling, useValue: new CommandHandling({ store, cache }, clock) },
        { provide: ReadModels, useValue: readModels },
        { provide: SNAPSHOTS, useValue: snapshots },
        { provide: JWT_SECRET, useValue: secret },
        {
          provide: CHECKPOINT_STORE,
          // Replicas on EventStoreDB keep nothing on their own disk; the embedded store lives in DATA_DIR anyway.
          useFactory: () =>
            config.eventStoreConnectionString
              ? new EventStoreCheckpointStore(store)
              : new SqliteCheckpointStore(join(config.dataDir, CHECKPOINTS_FILE_NAME)),
        },
      ],
      exports: [
        APP_CONFIG,
        EVENT_STORE,
        STORED_EVENTS,
        CLOCK,
        CommandHandling,
        ReadModels,
        SNAPSHOTS,
        JWT_SECRET,
        CHECKPOINT_STORE,
      ],
    };
  }
}
