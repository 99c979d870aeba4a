import { InMemoryLog, EsdbDouble, startEsdbDouble } from './support/esdb-double/esdb-double';
import { loadStory, ok, Story, STORY_START } from './support/story';
import { startTestApp, TestApp, waitUntilReady } from './support/test-app';
import { tokenFor } from './support/tokens';

const TEAM_IMPACT = `query($teamId: ID!) {
  teamImpact(teamId: $teamId) {
    teamId headcount reachedMembers coverage activeInitiatives
    initiativesByStatus { status count }
    hypothesisHitRate
    overdue { initiativeId kind }
    analysisParalysis
  }
}`;

interface TeamImpact {
  teamId: string;
  headcount: number;
  reachedMembers: number;
  coverage: number;
  activeInitiatives: number;
  initiativesByStatus: Array<{ status: string; count: number }>;
  hypothesisHitRate: number;
  overdue: Array<{ initiativeId: string; kind: string }>;
  analysisParalysis: string[];
}

const teamImpactOf = async (app: TestApp, teamId: string) =>
  (await ok(app.gql<{ teamImpact: TeamImpact }>(TEAM_IMPACT, { teamId }))).teamImpact;

/**
 * The whole service on EVENTSTORE_CONNECTION_STRING: every write goes through the real
 * @eventstore/db-client over gRPC to the protocol double, and the read models follow its `$all`.
 */
describe('the service on EventStoreDB', () => {
  const log = new InMemoryLog();
  let double: EsdbDouble;
  let app: TestApp;
  let story: Story;
  let token: string;

  beforeAll(async () => {
    double = await startEsdbDouble({ log });
    token = await tokenFor('DIRECTOR', 'dana');
    app = await startTestApp({
      clockStart: STORY_START,
      token,
      env: { EVENTSTORE_CONNECTION_STRING: double.connectionString },
    });
    story = await loadStory(app, app.clock);
  });

  afterAll(async () => {
    await app?.destroy();
    await double?.stop();
  });

  it('runs the reference story through to the team-impact answer', async () => {
    const impact = await teamImpactOf(app, story.teamId);
    expect(impact).toMatchObject({
      teamId: story.teamId,
      headcount: 23,
      reachedMembers: 23,
      coverage: 1,
      activeInitiatives: 1,
      hypothesisHitRate: 0.5,
      analysisParalysis: [story.idle],
      overdue: [{ initiativeId: story.delegated, kind: 'ITERATION_PAST_END' }],
    });
    const byStatus = Object.fromEntries(impact.initiativesByStatus.map((s) => [s.status, s.count]));
    expect(byStatus).toEqual({ PROPOSED: 1, DEFINED: 0, PILOTING: 1, SCALED: 1, STOPPED: 0 });
  });

  it('keeps every event in EventStoreDB, one stream per team and per initiative', () => {
    const streams = [...log.streams.keys()];
    expect(streams).toEqual(
      expect.arrayContaining([
        expect.stringContaining(story.teamId),
        expect.stringContaining(story.channel),
        expect.stringContaining(story.delegated),
        expect.stringContaining(story.idle),
      ]),
    );
    const channel = log.streams.get(streams.find((s) => s.includes(story.channel))!)!;
    const types = channel.map((e) => e.type);
    expect(types[0]).toMatch(/Proposed/);
    expect(types.filter((t) => /DecisionRecorded/.test(t))).toHaveLength(2);
    const metadata = JSON.parse(Buffer.from(channel[0].customMetadata).toString('utf8'));
    expect(metadata).toMatchObject({ actor: 'dana', occurredAt: STORY_START });
  });

  it('rebuilds the same answers from EventStoreDB alone after a restart, and goes on writing', async () => {
    const before = await teamImpactOf(app, story.teamId);
    await app.destroy();
    app = await startTestApp({ token, env: { EVENTSTORE_CONNECTION_STRING: double.connectionString } });
    await waitUntilReady(app.baseUrl);
    expect(await teamImpactOf(app, story.teamId)).toEqual(before);

    await ok(
      app.gql(`mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`, {
        input: {
          initiativeId: 'after-restart',
          teamId: story.teamId,
          title: 'Weekly deal reviews',
          problem: 'Deals stall in late stages',
          potentialReach: 5,
        },
      }),
    );
    const after = await teamImpactOf(app, story.teamId);
    const proposed = after.initiativesByStatus.find((s) => s.status === 'PROPOSED')!;
    expect(proposed.count).toBe(2);
    expect([...log.streams.keys()].some((s) => s.includes('after-restart'))).toBe(true);
  });

  it('serves several replicas from one EventStoreDB: same answers, one winner on a contested version', async () => {
    const replica = await startTestApp({ token, env: { EVENTSTORE_CONNECTION_STRING: double.connectionString } });
    try {
      await waitUntilReady(replica.baseUrl);
      expect(await teamImpactOf(replica, story.teamId)).toEqual(await teamImpactOf(app, story.teamId));

      const { initiative } = await ok(
        app.gql<{ initiative: { version: number } }>(`{ initiative(id: "after-restart") { version } }`),
      );
      const state = (statement: string) =>
        `mutation { stateHypothesis(input: { initiativeId: "after-restart", expectedVersion: ${initiative.version}, statement: "${statement}" }) { version } }`;
      const answers = await Promise.all([
        app.gql<{ stateHypothesis: { version: number } }>(
          state('We believe weekly reviews for reps will lift win rate'),
        ),
        replica.gql<{ stateHypothesis: { version: number } }>(
          state('We believe deal desks for reps will lift win rate'),
        ),
      ]);
      const won = answers.filter((a) => !a.errors);
      const lost = answers.filter((a) => a.errors);
      expect(won).toHaveLength(1);
      expect(won[0].data!.stateHypothesis.version).toBe(initiative.version + 1);
      expect(lost[0].errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        expectedVersion: initiative.version,
        actualVersion: initiative.version + 1,
      });

      // Each replica follows $all, so the winner's write reaches the other's read model too.
      const hypothesisOn = async (target: TestApp) =>
        (
          await ok(
            target.gql<{ initiative: { hypothesis: string | null } }>(
              `{ initiative(id: "after-restart") { hypothesis } }`,
            ),
          )
        ).initiative.hypothesis;
      const deadline = Date.now() + 10_000;
      let seen = await hypothesisOn(replica);
      while (seen === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        seen = await hypothesisOn(replica);
      }
      expect(seen).toBe(await hypothesisOn(app));
      expect(seen).toMatch(/^We believe/);
    } finally {
      await replica.destroy();
    }
  });

  it('answers SERVICE_UNAVAILABLE while EventStoreDB is away and takes the same command once it is back', async () => {
    const propose = (initiativeId: string) =>
      app.gql<{ proposeInitiative: { id: string } }>(
        `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`,
        {
          input: {
            commandId: `propose-${initiativeId}`,
            initiativeId,
            teamId: story.teamId,
            title: 'Shadowing top performers',
            problem: 'New reps ramp slowly',
            potentialReach: 4,
          },
        },
      );
    await double.stop();
    const refused = await propose('during-outage');
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('try again shortly'),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(JSON.stringify(refused.errors)).not.toMatch(/ECONNREFUSED|at .*\.ts/);

    double = await startEsdbDouble({ log, port: double.port });
    let answer = await propose('during-outage');
    for (let attempt = 0; answer.errors && attempt < 50; attempt++) {
      expect(answer.errors[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      await new Promise((r) => setTimeout(r, 100));
      answer = await propose('during-outage');
    }
    expect(answer.data?.proposeInitiative.id).toBe('during-outage');
    // Once again, with the same commandId: answered, not appended twice.
    expect((await propose('during-outage')).data?.proposeInitiative.id).toBe('during-outage');
    const stream = [...log.streams.entries()].find(([name]) => name.includes('during-outage'))![1];
    expect(stream.filter((e) => /Proposed/.test(e.type))).toHaveLength(1);
  });
});
