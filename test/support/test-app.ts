import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Gql, graphqlClient, StoryClock } from './graphql-client';

export type { GraphQLResponse } from './graphql-client';
export { TestClock, waitUntilReady } from './graphql-client';

const ROOT = resolve(__dirname, '..', '..');

export interface TestApp {
  baseUrl: string;
  dataDir: string;
  gql: Gql;
  /** The service's clock, moved over IPC; only with `clockStart`. */
  clock: StoryClock;
  stop(): Promise<void>;
  /** Ends the process with SIGKILL, as a crash would: no shutdown of any kind. */
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  dataDir?: string;
  token?: string;
  /** Starts the service on a settable clock at this instant; the system clock otherwise. */
  clockStart?: string;
}

/** The real service over real HTTP, in a child process of its own (as it runs in production). */
export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pilotlog-e2e-'));
  const child: ChildProcess = fork(join(__dirname, 'app-process.ts'), [], {
    cwd: ROOT,
    execArgv: ['--require', join(ROOT, 'scripts/register-ts.js')],
    env: {
      ...process.env,
      NODE_ENV: options.env?.NODE_ENV ?? 'test',
      TEST_DATA_DIR: dataDir,
      TEST_APP_ENV: JSON.stringify(options.env ?? {}),
      TEST_CLOCK_START: options.clockStart ?? '',
    },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const baseUrl = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The service did not start within 60 s: ${stderr}`)), 60_000);
    child.on('message', (message: { baseUrl?: string }) => {
      if (!message.baseUrl) return;
      clearTimeout(timer);
      done(message.baseUrl);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The service exited with ${code}: ${stderr}`));
    });
  });

  let nextId = 0;
  let now = options.clockStart ?? new Date().toISOString();
  const setClock = (iso: string) =>
    new Promise<void>((done) => {
      const id = ++nextId;
      const onAck = (message: { ack?: number }) => {
        if (message.ack !== id) return;
        child.off('message', onAck);
        done();
      };
      child.on('message', onAck);
      now = iso;
      child.send({ clock: iso, id });
    });
  const clock: StoryClock = {
    now: () => now,
    set: setClock,
    advanceDays: (days) => setClock(new Date(Date.parse(now) + days * 86_400_000).toISOString()),
  };

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
    })();
    return stopped;
  };
  const kill = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    })();
    return stopped;
  };
  return {
    baseUrl,
    dataDir,
    gql: graphqlClient(baseUrl, options.token),
    clock,
    stop,
    kill,
    async destroy() {
      await stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
