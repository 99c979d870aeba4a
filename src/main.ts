import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { EventStoreUnavailableError } from './shared/event-store/event-store.port';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, { schemaFile: config.production ? true : 'schema.gql' });
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as { port: number };
  const everyInterface = ['0.0.0.0', '::', ''].includes(config.host);
  const base = `http://${everyInterface ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  console.log(`pilotlog listening: dashboard ${base}/  explorer ${base}/explorer  GraphQL API ${base}/graphql`);
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
