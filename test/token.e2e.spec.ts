import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from './support/run-script';
import { startTestApp, TestApp } from './support/test-app';

const TEAMS = '{ teams { id } }';

const runToken = async (env: Record<string, string>) => {
  const { code, stdout, stderr } = await runScript('token', ['--role', 'VIEWER', '--sub', 'grafana'], env);
  return { code, stdout: stdout.trim(), stderr: stderr.trim() };
};

describe('npm run token finds the secret exactly as the service does', () => {
  let dataDir: string;
  let app: TestApp;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pilotlog-token-'));
    // No JWT_SECRET: the service generates its secret into DATA_DIR at its first start.
    app = await startTestApp({ dataDir, env: { JWT_SECRET: '' } });
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs with the file the service generated in DATA_DIR, says so, and the service accepts the token', async () => {
    const { code, stdout, stderr } = await runToken({ DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(stderr).toBe(`token: signed with the secret from ${join(dataDir, 'jwt-secret')}`);
    const response = await app.gql(TEAMS, {}, { token: stdout });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ teams: [] });
  });

  it('signs with JWT_SECRET when it is set, and says so', async () => {
    const { code, stderr } = await runToken({
      DATA_DIR: dataDir,
      JWT_SECRET: 'a-variable-secret-of-at-least-32-characters',
    });
    expect(code).toBe(0);
    expect(stderr).toBe('token: signed with the secret from JWT_SECRET');
  });

  it('without any secret, says where it looked and stops without creating one', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pilotlog-token-empty-'));
    try {
      const { code, stdout, stderr } = await runToken({ DATA_DIR: empty });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(`JWT_SECRET is not set and ${join(empty, 'jwt-secret')} does not exist`);
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('a token signed with another secret is refused with a message saying the secret may differ', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'pilotlog-token-other-'));
    try {
      writeFileSync(join(elsewhere, 'jwt-secret'), 'another-secret-that-is-long-enough-for-hs256\n');
      const { stdout } = await runToken({ DATA_DIR: elsewhere });
      const response = await app.gql(TEAMS, {}, { token: stdout });
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0].message).toMatch(/signed with a different secret than this service's/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
