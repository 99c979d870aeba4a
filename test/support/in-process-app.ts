import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { Clock } from '../../src/shared/clock';
import { Gql, graphqlClient } from './graphql-client';
import { TEST_JWT_SECRET } from './tokens';

export interface InProcessApp {
  app: NestExpressApplication;
  baseUrl: string;
  dataDir: string;
  gql: Gql;
  /** Stops the service, keeping its data directory. */
  stop(): Promise<void>;
  /** Stops the service and removes a data directory it created. */
  destroy(): Promise<void>;
}

export interface InProcessOptions {
  env?: Record<string, string>;
  dataDir?: string;
  clock?: Clock;
  /** Bearer token sent by `gql` unless a call gives its own. */
  token?: string;
}

/**
 * The real service on a temporary SQLite file, on a free loopback port, in this process. Node
 * loads Nest's ES modules natively and Jest does not, so Jest tests use `startTestApp`, which
 * runs this in a child process.
 */
export async function startInProcessApp(options: InProcessOptions = {}): Promise<InProcessApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pilotlog-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', JWT_SECRET: TEST_JWT_SECRET, ...options.env });
  const app = await createApp(config, { clock: options.clock, logger: false });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  let stopped = false;
  const running: InProcessApp = {
    app,
    baseUrl,
    dataDir,
    gql: graphqlClient(baseUrl, options.token),
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.close();
    },
    async destroy() {
      await running.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return running;
}
