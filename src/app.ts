import { Logger, LoggerService, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ValidationError } from 'class-validator';
import { AppModule } from './app.module';
import { AppConfig } from './config/config';
import { SNAPSHOTS } from './core.module';
import { SnapshotStore } from './shared/snapshots/snapshot-store';
import { Clock } from './shared/clock';
import { openEventStore } from './shared/event-store/open-event-store';
import { badUserInput } from './shared/graphql/errors';
import { readJsonBodies } from './shared/graphql/request-body';
import { ReadModels } from './shared/projections/read-models';
import { serveWeb } from './web/serve-web';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';

export interface CreateAppOptions {
  clock?: Clock;
  /** Where to emit schema.gql; in memory when true. */
  schemaFile?: string | true;
  logger?: LoggerService | false;
}

/** Builds the whole service on the configured store; `main.ts` and the e2e tests share it. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const stored = await openEventStore(config);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, stored, clock: options.clock, schemaFile: options.schemaFile ?? true }),
    { logger: options.logger ?? new Logger(), bodyParser: false, abortOnError: false },
  );
  readJsonBodies(app);
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      forbidUnknownValues: false,
      exceptionFactory: (errors) => toBadUserInput(errors),
    }),
  );
  app.enableShutdownHooks();
  // Every slice has registered its read models while the modules were built: follow the log now.
  app.get(ReadModels).start();
  app.get(WebhookDispatcher).start();
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // Answers change with every write: an ETag (a hash of each body) would never spare a download.
  app.getHttpAdapter().getInstance().disable('etag');
  serveWeb(app);
  const close = app.close.bind(app);
  const snapshots = app.get<typeof SNAPSHOTS, SnapshotStore | null>(SNAPSHOTS);
  app.close = async () => {
    // Stopping saves the read models: the next start reads only the log after them.
    await app.get(ReadModels).stop();
    await close();
    await stored.close();
    snapshots?.close();
  };
  return app;
}

function toBadUserInput(errors: ValidationError[], parent = ''): Error {
  const first = firstViolation(errors, parent);
  if (!first) return badUserInput(parent || 'input', 'The input is not valid');
  return badUserInput(first.field, first.message);
}

function firstViolation(errors: ValidationError[], parent: string): { field: string; message: string } | null {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      const message = Object.values(error.constraints)[0];
      return { field, message };
    }
    const nested = firstViolation(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}
