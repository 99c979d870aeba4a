import 'reflect-metadata';
import { createApp } from './app';
import { loadConfig } from './config/config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, { schemaFile: config.production ? true : 'schema.gql' });
  await app.listen(config.port, config.host);
  console.log(`pilotlog listening on http://localhost:${config.port} (GraphQL at /graphql)`);
}

bootstrap().catch((error: unknown) => {
  // A configuration or store problem is the user's to fix: one line, no stack trace.
  console.error(`pilotlog cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
