import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { EventStoreUnavailableError } from './shared/event-store/event-store.port';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, { schemaFile: config.production ? true : 'schema.gql' });
  await app.listen(config.port, config.host);
  console.log(`pilotlog listening on http://localhost:${config.port} (GraphQL at /graphql)`);
}

bootstrap().catch((error: unknown) => {
  // A configuration or store problem is the user's to fix: one line, no stack trace.
  if (error instanceof ConfigError || error instanceof EventStoreUnavailableError) {
    console.error(`pilotlog cannot start: ${error.message}`);
  } else {
    console.error(`pilotlog cannot start: ${(error as Error)?.message ?? String(error)}`);
  }
  process.exit(1);
});
