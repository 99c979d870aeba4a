import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { Clock } from '../../src/shared/clock';
import { TEST_JWT_SECRET } from './tokens';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: string[] }>;
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  dataDir: string;
  env: Record<string, string>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** Stops the service, keeping its data directory. */
  stop(): Promise<void>;
  /** Stops the service and removes its data directory. */
  destroy(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  dataDir?: string;
  clock?: Clock;
  /** Bearer token sent by `gql` unless a call gives its own. */
  token?: string;
}

/** A settable clock, so stories can move time forward as a real team would over weeks. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): string {
    return this.current.toISOString();
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** The real service, on a temporary SQLite file, listening on a free loopback port. */
export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pilotlog-e2e-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: '0',
    JWT_SECRET: TEST_JWT_SECRET,
    ...options.env,
  };
  const config = loadConfig(env);
  const app = await createApp(config, { clock: options.clock, logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  let stopped = false;

  const testApp: TestApp = {
    app,
    baseUrl,
    dataDir,
    env,
    async gql(query, variables = {}, callOptions = {}) {
      const token = callOptions.token === undefined ? options.token : callOptions.token;
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...callOptions.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as GraphQLResponse<never>;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.close();
    },
    async destroy() {
      await testApp.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}

/** Waits until /ready answers 200. */
export async function waitUntilReady(baseUrl: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/ready`).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${baseUrl} was not ready within ${timeoutMs} ms`);
}
