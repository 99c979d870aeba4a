import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config/config';
import { CLOCK, Clock, systemClock } from './shared/clock';
import { CommandHandlingDependencies } from './shared/command-handling/handle-command';
import { EVENT_STORE, EventStore } from './shared/event-store/event-store.port';
import { ProjectionRunner } from './shared/projections/projection-runner';
import { ReadModels } from './shared/projections/read-models';
import { ALL_PROJECTIONS } from './read-model.projections';
import { History } from './audit/as-of';
import { CommandRunner } from './shared/command-handling/command-runner';
import { JWT_SECRET } from './shared/auth/auth.tokens';
import { resolveJwtSecret } from './shared/auth/jwt-secret';
import { schemaVersionOf, upcastEvent } from './event-versions';

export const APP_CONFIG = Symbol('AppConfig');
export { COMMAND_DEPENDENCIES } from './shared/command-handling/command-dependencies';
import { COMMAND_DEPENDENCIES } from './shared/command-handling/command-dependencies';
import { StreamStateCache } from './shared/command-handling/stream-state-cache';

export interface CoreOptions {
  config: AppConfig;
  store: EventStore;
  clock?: Clock;
}

/** The store, the clock and the read models every capability shares. */
@Global()
@Module({})
export class CoreModule {
  static register({ config, store, clock = systemClock }: CoreOptions): DynamicModule {
    const runner = new ProjectionRunner(store, ALL_PROJECTIONS, upcastEvent);
    const readModels = new ReadModels(runner, config.readYourWritesTimeoutMs, upcastEvent);
    const commandDependencies: CommandHandlingDependencies = {
      store,
      upcast: upcastEvent,
      schemaVersionOf,
      cache: new StreamStateCache(config.commandStateCacheStreams),
    };
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: store },
        { provide: CLOCK, useValue: clock },
        { provide: ReadModels, useValue: readModels },
        { provide: COMMAND_DEPENDENCIES, useValue: commandDependencies },
        { provide: JWT_SECRET, useValue: resolveJwtSecret(config.jwtSecret, config.dataDir) },
        History,
        CommandRunner,
      ],
      exports: [APP_CONFIG, EVENT_STORE, CLOCK, ReadModels, COMMAND_DEPENDENCIES, JWT_SECRET, History, CommandRunner],
    };
  }
}
