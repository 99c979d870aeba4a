import { ok } from './support/story';
import { GraphQLResponse, startTestApp, TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const ADD_MEMBERS = `mutation($input: AddTeamMembersInput!) {
  addTeamMembers(input: $input) { version headcount members { id name role managerId } }
}`;
const RECORD_READINGS = `mutation($input: RecordMeasurementsInput!) {
  recordMeasurements(input: $input) { version metrics { id latest } }
}`;
const TRAIL = `query($id: ID!) { auditTrail(initiativeId: $id, first: 500) { edges { node { type commandId } } } }`;
const SERIES = `query($id: ID!) { metricSeries(initiativeId: $id, metricId: "calls") { periodStart cohort n mean } }`;

const TEAM = 'batch';
const reps = Array.from({ length: 8 }, (_, i) => `rep-${i + 1}`);
const pilot = reps.slice(0, 4);
const control = reps.slice(4);

/** A week's readings for every person of both cohorts. */
function week(periodStart: string, base: number) {
  return [
    ...pilot.map((participantId, i) => ({
      metricId: 'calls',
      periodStart,
      cohort: 'PILOT',
      participantId,
      value: base + i,
    })),
    ...control.map((participantId) => ({
      metricId: 'calls',
      periodStart,
      cohort: 'CONTROL',
      participantId,
      value: 10,
    })),
  ];
}

describe('batch commands over real HTTP: one command, one append, all or nothing', () => {
  let app: TestApp;
  let manager: string;
  let otherManager: string;
  let version: () => Promise<number>;

  beforeAll(async () => {
    app = await startTestApp({ token: await tokenFor('DIRECTOR', 'dana'), clockStart: '2026-03-02T09:00:00.000Z' });
    manager = await tokenFor('MANAGER', 'max', [TEAM]);
    otherManager = await tokenFor('MANAGER', 'mia', [TEAM]);
    await ok(app.gql(`mutation { registerTeam(input: { teamId: "${TEAM}", name: "Batch team" }) { id } }`));
    version = async () => {
      const { initiative } = await ok(
        app.gql<{ initiative: { version: number } }>(`{ initiative(id: "calls-up") { version } }`),
      );
      return initiative.version;
    };
  });
  afterAll(() => app.destroy());

  function refusal(response: GraphQLResponse) {
    expect(response.data ?? null).toBeNull();
    return response.errors![0];
  }

  it('adds ten members in one write; a retry with the same commandId adds nothing', async () => {
    const members = [
      { memberId: 'max', name: 'Max Manager', role: 'MANAGER' },
      { memberId: 'mia', name: 'Mia Manager', role: 'MANAGER' },
      ...reps.map((memberId, i) => ({ memberId, name: `Rep ${i + 1}`, role: 'IC', managerId: i < 4 ? 'max' : 'mia' })),
    ];
    const input = { teamId: TEAM, commandId: 'roster-1', expectedVersion: 1, members };
    const { addTeamMembers } = await ok(
      app.gql<{ addTeamMembers: { version: number; headcount: number } }>(ADD_MEMBERS, { input }),
    );
    expect(addTeamMembers).toMatchObject({ version: 11, headcount: 10 });
    const retried = await ok(app.gql<{ addTeamMembers: { version: number } }>(ADD_MEMBERS, { input }));
    expect(retried.addTeamMembers.version).toBe(11);
  });

  it('refuses a batch with a bad row as BAD_USER_INPUT naming the row and its field, adding no one', async () => {
    const fine = { memberId: 'new-1', name: 'New One', role: 'IC' };
    const taken = refusal(
      await app.gql(ADD_MEMBERS, {
        input: { teamId: TEAM, members: [fine, { memberId: 'rep-3', name: 'Again', role: 'IC' }] },
      }),
    );
    expect(taken.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'members.1.memberId',
      row: 1,
      rule: 'MemberAlreadyInTeam',
    });
    expect(taken.message).toBe('members[1]: rep-3 is already a member of the team');

    const invalid = refusal(
      await app.gql(ADD_MEMBERS, {
        input: { teamId: TEAM, members: [fine, fine, { memberId: 'bad id!', name: 'X', role: 'IC' }] },
      }),
    );
    expect(invalid.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members.2.memberId', row: 2 });

    const { team } = await ok(
      app.gql<{ team: { version: number; headcount: number } }>(`{ team(id: "${TEAM}") { version headcount } }`),
    );
    expect(team).toEqual({ version: 11, headcount: 10 });
  });

  it('records two weeks of both cohorts in one write, stamped with one commandId, and once on retry', async () => {
    const start = async (query: string) => ok(app.gql(query));
    await start(
      `mutation { proposeInitiative(input: { initiativeId: "calls-up", teamId: "${TEAM}", title: "More calls", problem: "Few calls", potentialReach: 4 }) { id } }`,
    );
    await start(
      `mutation { stateHypothesis(input: { initiativeId: "calls-up", statement: "We believe that call blocks for reps will raise calls" }) { id } }`,
    );
    await start(
      `mutation { defineSuccessMetric(input: { initiativeId: "calls-up", metricId: "calls", name: "Calls per week", unit: "calls", direction: INCREASE, baseline: 10, target: 15, cadence: WEEKLY, source: "Phone system" }) { id } }`,
    );
    await start(
      `mutation { launchPilot(input: { initiativeId: "calls-up", ownerId: "max", participantIds: ${JSON.stringify(pilot)}, controlIds: ${JSON.stringify(control)} }) { id } }`,
    );
    await start(
      `mutation { startIteration(input: { initiativeId: "calls-up", change: "Call blocks", plannedEndAt: "2026-03-30T17:00:00Z" }) { id } }`,
    );
    const before = await version();

    const readings = [...week('2026-03-02', 12), ...week('2026-03-09', 14)];
    const input = { initiativeId: 'calls-up', commandId: 'weeks-1-2', expectedVersion: before, readings };
    const { recordMeasurements } = await ok(
      app.gql<{ recordMeasurements: { version: number; metrics: Array<{ latest: number }> } }>(
        RECORD_READINGS,
        { input },
        { token: manager },
      ),
    );
    expect(recordMeasurements.version).toBe(before + 16);
    expect(recordMeasurements.metrics[0].latest).toBe(15.5);
    await ok(app.gql(RECORD_READINGS, { input }, { token: manager }));
    expect(await version()).toBe(before + 16);

    const { auditTrail } = await ok(
      app.gql<{ auditTrail: { edges: Array<{ node: { type: string; commandId: string } }> } }>(TRAIL, {
        id: 'calls-up',
      }),
    );
    const batch = auditTrail.edges.map((e) => e.node).filter((e) => e.commandId === 'weeks-1-2');
    expect(batch).toHaveLength(16);
    expect(new Set(batch.map((e) => e.type))).toEqual(new Set(['MeasurementRecorded']));
    const { metricSeries } = await ok(app.gql<{ metricSeries: unknown[] }>(SERIES, { id: 'calls-up' }));
    expect(metricSeries).toEqual([
      { periodStart: '2026-03-02T00:00:00.000Z', cohort: 'CONTROL', n: 4, mean: 10 },
      { periodStart: '2026-03-02T00:00:00.000Z', cohort: 'PILOT', n: 4, mean: 13.5 },
      { periodStart: '2026-03-09T00:00:00.000Z', cohort: 'CONTROL', n: 4, mean: 10 },
      { periodStart: '2026-03-09T00:00:00.000Z', cohort: 'PILOT', n: 4, mean: 15.5 },
    ]);
  });

  it('refuses the whole batch at a bad row, by the domain rules and by input validation, recording nothing', async () => {
    const before = await version();
    const readings = week('2026-03-16', 15);
    readings[5] = { ...readings[5], participantId: 'rep-1' };
    const wrongCohort = refusal(
      await app.gql(RECORD_READINGS, { input: { initiativeId: 'calls-up', readings } }, { token: manager }),
    );
    expect(wrongCohort.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'readings.5.participantId',
      row: 5,
      rule: 'ParticipantNotInCohort',
    });
    expect(wrongCohort.message).toBe('readings[5]: rep-1 is not in the control cohort');

    const notANumber = week('2026-03-16', 15).map((r, i) => (i === 2 ? { ...r, value: 'twelve' } : r));
    const unreadable = refusal(
      await app.gql(RECORD_READINGS, { input: { initiativeId: 'calls-up', readings: notANumber } }, { token: manager }),
    );
    expect(unreadable.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unreadable.message).toMatch(/readings.*2.*value/s);
    expect(await version()).toBe(before);
  });

  it('is a command of the pilot: only its owner among managers may send it, and a stale version is a CONFLICT', async () => {
    const input = { initiativeId: 'calls-up', readings: week('2026-03-16', 15) };
    expect(refusal(await app.gql(RECORD_READINGS, { input }, { token: otherManager })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    const stale = refusal(
      await app.gql(RECORD_READINGS, { input: { ...input, expectedVersion: 3 } }, { token: manager }),
    );
    expect(stale.extensions?.code).toBe('CONFLICT');
  });
});
