import { spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestApp, waitUntilReady } from './support/test-app';
import { TEST_JWT_SECRET, tokenFor } from './support/tokens';

const root = resolve(__dirname, '..');

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['--require', join(root, 'scripts/register-ts.js'), join(root, 'src/main.ts')],
      {
        // Outside the checkout: a service started in development writes schema.gql into its working directory.
        cwd: tmpdir(),
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A safety net, not a speed target: compiling and starting the service takes long on a loaded machine.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

/** A port nothing listens on: bound, then released. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

jest.setTimeout(120_000);

describe('start-up', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pilotlog-start-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits with one clear line naming PORT when it is not a number', async () => {
    const { code, stderr } = await runMain({ PORT: 'abc', DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'pilotlog cannot start: PORT: must be a whole number from 0 to 65535, got "abc"',
    ]);
  });

  it('exits with one clear line naming a query limit that is not a whole number', async () => {
    const { code, stderr } = await runMain({ GRAPHQL_MAX_COST: 'lots', DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'pilotlog cannot start: GRAPHQL_MAX_COST: must be a whole number from 1 to 100000000, got "lots"',
    ]);
  });

  it('exits with one clear line naming DATA_DIR when it cannot be written', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    const { code, stderr } = await runMain({ DATA_DIR: join(file, 'data') });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^pilotlog cannot start: DATA_DIR: cannot create or write/);
  });

  it('exits with one clear line when EVENTSTORE_CONNECTION_STRING is malformed', async () => {
    const { code, stderr } = await runMain({ DATA_DIR: dir, EVENTSTORE_CONNECTION_STRING: 'http//nowhere' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^pilotlog cannot start: EVENTSTORE_CONNECTION_STRING: /);
  });

  it('exits with one clear line when no EventStoreDB answers at EVENTSTORE_CONNECTION_STRING', async () => {
    const port = await freePort();
    const { code, stderr } = await runMain({
      DATA_DIR: dir,
      EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${port}?tls=false`,
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^pilotlog cannot start: EVENTSTORE_CONNECTION_STRING: no answer from EventStoreDB/);
  });

  it('serves /health at once and /ready once the read models have caught up', async () => {
    const app = await startTestApp();
    try {
      const health = await fetch(`${app.baseUrl}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      await waitUntilReady(app.baseUrl);
      expect((await fetch(`${app.baseUrl}/ready`)).status).toBe(200);
    } finally {
      await app.destroy();
    }
  });

  it('keeps client errors out of the server log: refused tokens, forbidden writes, unknown ids, bad input', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--require', join(root, 'scripts/register-ts.js'), join(root, 'src/main.ts')],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dir, PORT: String(port), JWT_SECRET: TEST_JWT_SECRET },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise((done) => child.once('exit', done));
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitUntilReady(base, 30_000);
      const ask = async (query: string, token?: string) => {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        });
        return ((await response.json()) as { errors?: Array<{ extensions: { code: string } }> }).errors?.[0].extensions
          .code;
      };
      const viewer = await tokenFor('VIEWER', 'grafana');
      expect(await ask('{ teams { id } }')).toBe('UNAUTHENTICATED');
      expect(await ask('{ teams { id } }', 'forged.token.value')).toBe('UNAUTHENTICATED');
      expect(await ask('mutation { registerTeam(input: { name: "Ops" }) { id } }', viewer)).toBe('FORBIDDEN');
      const director = await tokenFor('DIRECTOR', 'dana');
      const state =
        'mutation { stateHypothesis(input: { initiativeId: "nope", statement: "We believe x" }) { version } }';
      expect(await ask(state, director)).toBe('NOT_FOUND');
      expect(await ask(`mutation { registerTeam(input: { name: "${'x'.repeat(500)}" }) { id } }`, director)).toBe(
        'BAD_USER_INPUT',
      );
      expect(log).toContain(
        `pilotlog listening: dashboard http://localhost:${port}/  explorer http://localhost:${port}/explorer  GraphQL API http://localhost:${port}/graphql`,
      );
      expect(log).not.toMatch(/ERROR|ExceptionsHandler|\n\s+at /);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
