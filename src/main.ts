import 'reflect-metadata';
import { createApp } from './app';
import { loadConfig } from './config/config';

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
  console.error(`pilotlog cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
