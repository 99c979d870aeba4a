import { SqliteEventStore } from '../src/shared/event-store/sqlite/sqlite-event-store';
import { ok } from './support/story';
import { startTestApp, TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { join } from 'node:path';

const REGISTER = `mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { id version headcount } }`;
const ADD = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { version members { id } } }`;
const PROPOSE = `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id version status } }`;

describe('errors and write guarantees over real HTTP', () => {
  let app: TestApp;
  let eventCount: () => Promise<number>;

  beforeAll(async () => {
    app = await startTestApp({ token: await tokenFor('DIRECTOR', 'dana') });
    await ok(app.gql(REGISTER, { input: { teamId: 'errors', name: 'Errors team' } }));
    await ok(app.gql(ADD, { input: { teamId: 'errors', memberId: 'm1', name: 'Mo', role: 'MANAGER' } }));
    await ok(app.gql(ADD, { input: { teamId: 'errors', memberId: 'i1', name: 'Ida', role: 'IC', managerId: 'm1' } }));
    eventCount = async () => {
      const reader = new SqliteEventStore({ filename: join(app.dataDir, 'pilotlog.sqlite') });
      try {
        return (await reader.readAll()).length;
      } finally {
        await reader.close();
      }
    };
  });
  afterAll(() => app.destroy());

  async function expectRejected(query: string, variables: Record<string, unknown>, code: string) {
    const before = await eventCount();
    const response = await app.gql(query, variables);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(JSON.stringify(response.errors)).not.toMatch(/stack|at [A-Za-z]+ \(|node_modules|\.ts:/);
    expect(await eventCount()).toBe(before);
    return response.errors![0];
  }

  it('BAD_USER_INPUT names the field, for a validation rule and a malformed date', async () => {
    const long = await expectRejected(REGISTER, { input: { name: 'x'.repeat(121) } }, 'BAD_USER_INPUT');
    expect(long.extensions).toMatchObject({ field: 'name' });
    const threshold = await expectRejected(REGISTER, { input: { name: 'T', impactThreshold: 1.5 } }, 'BAD_USER_INPUT');
    expect(threshold.extensions).toMatchObject({ field: 'impactThreshold' });
    const empty = await expectRejected(
      `mutation($input: LaunchPilotInput!) { launchPilot(input: $input) { id } }`,
      { input: { initiativeId: 'nope', ownerId: 'm1', participantIds: [] } },
      'BAD_USER_INPUT',
    );
    expect(empty.extensions).toMatchObject({ field: 'participantIds' });
    const date = await expectRejected(
      `mutation($input: StartIterationInput!) { startIteration(input: $input) { id } }`,
      { input: { initiativeId: 'x', change: 'c', plannedEndAt: 'next tuesday' } },
      'BAD_USER_INPUT',
    );
    expect(date.message).toMatch(/ISO 8601/);
  });

  it('DOMAIN_RULE carries the rule name and a message a director understands', async () => {
    const error = await expectRejected(
      PROPOSE,
      { input: { teamId: 'errors', title: 'Too big', problem: 'p', potentialReach: 5 } },
      'DOMAIN_RULE',
    );
    expect(error.extensions?.rule).toEqual(expect.any(String));
    expect(error.message).toMatch(/reach/i);
  });

  it('NOT_FOUND for unknown ids', async () => {
    const error = await expectRejected(
      PROPOSE,
      { input: { teamId: 'no-such-team', title: 't', problem: 'p', potentialReach: 1 } },
      'NOT_FOUND',
    );
    expect(error.extensions).toMatchObject({ entity: 'team', id: 'no-such-team' });
    await expectRejected(`{ teamImpact(teamId: "no-such-team") { headcount } }`, {}, 'NOT_FOUND');
  });

  it('CONFLICT for a stale expectedVersion', async () => {
    const { registerTeam } = await ok(
      app.gql<{ registerTeam: { version: number } }>(REGISTER, { input: { teamId: 'cc', name: 'C' } }),
    );
    await ok(
      app.gql(ADD, {
        input: { teamId: 'cc', memberId: 'a', name: 'A', role: 'IC', expectedVersion: registerTeam.version },
      }),
    );
    const error = await expectRejected(
      ADD,
      { input: { teamId: 'cc', memberId: 'b', name: 'B', role: 'IC', expectedVersion: registerTeam.version } },
      'CONFLICT',
    );
    expect(error.extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
  });

  it('answers a retried commandId as the first time and appends once', async () => {
    const input = { teamId: 'errors', memberId: 'i2', name: 'Ivo', role: 'IC', commandId: 'add-ivo-once' };
    const first = await ok(app.gql<{ addTeamMember: { version: number } }>(ADD, { input }));
    const before = await eventCount();
    const again = await ok(app.gql<{ addTeamMember: { version: number } }>(ADD, { input }));
    expect(again.addTeamMember.version).toBe(first.addTeamMember.version);
    expect(await eventCount()).toBe(before);
  });

  it('lets exactly one of two concurrent writers on one version win', async () => {
    const { registerTeam } = await ok(
      app.gql<{ registerTeam: { version: number } }>(REGISTER, { input: { teamId: 'race', name: 'R' } }),
    );
    const results = await Promise.all(
      ['x', 'y'].map((m) =>
        app.gql(ADD, {
          input: { teamId: 'race', memberId: m, name: m, role: 'IC', expectedVersion: registerTeam.version },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(1);
  });

  it('UNAUTHENTICATED without a token, FORBIDDEN for a role that may not write', async () => {
    const anonymous = await app.gql(REGISTER, { input: { name: 'No token' } }, { token: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const viewer = await app.gql(REGISTER, { input: { name: 'Viewer' } }, { token: await tokenFor('VIEWER', 'bi') });
    expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects a page size above the cap', async () => {
    const error = await expectRejected(`{ initiatives(first: 501) { totalCount } }`, {}, 'BAD_USER_INPUT');
    expect(error.extensions).toMatchObject({ field: 'first' });
  });
});
