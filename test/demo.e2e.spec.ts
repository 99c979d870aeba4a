import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ok } from './support/story';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_JWT_SECRET, tokenFor } from './support/tokens';

const root = resolve(__dirname, '..');

describe('npm run demo', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ token: await tokenFor('VIEWER', 'bi-tool') });
  });
  afterAll(() => app.destroy());

  function runDemo(): string {
    return execFileSync(
      process.execPath,
      ['--require', join(root, 'scripts/register-ts.js'), join(root, 'scripts/demo.ts')],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', PILOTLOG_URL: `${app.baseUrl}/graphql`, JWT_SECRET: TEST_JWT_SECRET },
        timeout: 120_000,
      },
    ).toString();
  }

  const totals = async () => {
    const { auditTrail } = await ok(
      app.gql<{ auditTrail: { totalCount: number } }>(
        `{ auditTrail(initiativeId: "channel", first: 1) { totalCount } }`,
        {},
        {
          token: await tokenFor('AUDITOR', 'auditor'),
        },
      ),
    );
    const { initiatives, teams } = await ok(
      app.gql<{ initiatives: { totalCount: number }; teams: Array<{ version: number }> }>(
        `{ initiatives { totalCount } teams { version } }`,
      ),
    );
    return { channelEvents: auditTrail.totalCount, initiatives: initiatives.totalCount, teamVersion: teams[0].version };
  };

  it('loads the story over GraphQL, and running it again adds nothing', async () => {
    expect(runDemo()).toMatch(/Demo story loaded/);
    const first = await totals();
    expect(first).toEqual({ channelEvents: expect.any(Number), initiatives: 3, teamVersion: 25 });
    runDemo();
    expect(await totals()).toEqual(first);

    const { teamImpact } = await ok(
      app.gql<{ teamImpact: Record<string, unknown> }>(
        `{ teamImpact(teamId: "smb") { headcount reachedMembers coverage activeInitiatives hypothesisHitRate } }`,
      ),
    );
    expect(teamImpact).toEqual({
      headcount: 23,
      reachedMembers: 23,
      coverage: 1,
      activeInitiatives: 1,
      hypothesisHitRate: 0.5,
    });
  });
});
