import { DynamicModule, Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from './config/config';
import { pilotlogEventStore } from './event-catalog';
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
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: store },
        { provide: STORED_EVENTS, useValue: stored },
        { provide: CLOCK, useValue: clock },
        { provide: CommandHandling, useValue: new CommandHandling({ store, cache }, clock) },
        { provide: ReadModels, useValue: new ReadModels(store, clock, config.readYourWritesTimeoutMs) },
        { provide: JWT_SECRET, useValue: resolveJwtSecret(config.jwtSecret, config.dataDir) },
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
        JWT_SECRET,
        CHECKPOINT_STORE,
      ],
    };
  }
}
