import { EsdbDouble, InMemoryLog, startEsdbDouble } from './support/esdb-double/esdb-double';
import { ok } from './support/story';
import { GraphQLResponse, startTestApp, TestApp, waitUntilReady } from './support/test-app';
import { tokenFor } from './support/tokens';

const PROPOSE = `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id version status } }`;
const STATE = `mutation($input: StateHypothesisInput!) { stateHypothesis(input: $input) { id version hypothesis } }`;
const INITIATIVE = `query($id: ID!) { initiative(id: $id) { id version } }`;
/** One proposal, sent again with the same commandId. */
const PROPOSAL = {
  commandId: 'propose-lagging',
  initiativeId: 'lagging',
  teamId: 'lag',
  title: 'T',
  problem: 'P',
  potentialReach: 1,
};

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Two replicas on one EventStoreDB whose `$all` subscriptions are held back: their read models
 * lag behind the log. A write still lands on either replica, because commands fold the entity's
 * own stream; a write that lands but does not show in time answers ACCEPTED, never a masked error.
 */
describe('replicas whose read models lag behind the log', () => {
  const log = new InMemoryLog();
  let double: EsdbDouble;
  let quick: TestApp;
  let patient: TestApp;

  const streamOf = (initiativeId: string) =>
    [...log.streams.entries()].find(([name]) => name.endsWith(`-${initiativeId}`))?.[1] ?? [];

  beforeAll(async () => {
    double = await startEsdbDouble({ log });
    const token = await tokenFor('DIRECTOR', 'dana');
    const env = (timeoutMs: number) => ({
      EVENTSTORE_CONNECTION_STRING: double.connectionString,
      READ_YOUR_WRITES_TIMEOUT_MS: String(timeoutMs),
    });
    [quick, patient] = await Promise.all([
      startTestApp({ token, env: env(500) }),
      startTestApp({ token, env: env(20_000) }),
    ]);
    await Promise.all([waitUntilReady(quick.baseUrl), waitUntilReady(patient.baseUrl)]);
    await ok(quick.gql(`mutation { registerTeam(input: { teamId: "lag", name: "Lagging" }) { id } }`));
    await ok(
      quick.gql(`mutation { addTeamMember(input: { teamId: "lag", memberId: "m", name: "M", role: MANAGER }) { id } }`),
    );
    await ok(
      quick.gql(`mutation { addTeamMember(input: { teamId: "lag", memberId: "i", name: "I", role: IC }) { id } }`),
    );
    await until(
      async () =>
        (await patient.gql<{ team: { version: number } | null }>(`{ team(id: "lag") { version } }`)).data?.team
          ?.version === 3,
      'the patient replica knows the team',
    );
  }, 120_000);

  afterAll(async () => {
    log.releaseSubscriptions();
    await Promise.all([quick?.destroy(), patient?.destroy()]);
    await double?.stop();
  });

  it('answers ACCEPTED with the entity and its position when the write landed but does not show in time, and the same on a retry', async () => {
    log.holdSubscriptions();
    const first = await quick.gql(PROPOSE, { input: PROPOSAL });
    expect(first.data ?? null).toBeNull();
    expect(first.errors?.[0]).toMatchObject({
      message: expect.stringContaining('retry with the same commandId'),
      extensions: { code: 'ACCEPTED', entity: 'initiative', id: 'lagging', version: 2, position: expect.any(String) },
    });
    expect(streamOf('lagging').map((e) => e.type)).toEqual(['InitiativeProposed', 'ImpactAssessed']);

    const retry = await quick.gql(PROPOSE, { input: PROPOSAL });
    expect(retry.errors?.[0].extensions).toEqual(first.errors?.[0].extensions);
    expect(streamOf('lagging')).toHaveLength(2);
  });

  it('takes a command on an initiative its read models have never seen, and answers once they catch up', async () => {
    const unseen = await patient.gql<{ initiative: null }>(INITIATIVE, { id: 'lagging' });
    expect(unseen.data).toEqual({ initiative: null });

    const statement = 'We believe that lagging replicas for reps will still take writes';
    const answer: Promise<GraphQLResponse<{ stateHypothesis: { id: string; version: number; hypothesis: string } }>> =
      patient.gql(STATE, { input: { initiativeId: 'lagging', statement } });
    // The write is decided on the initiative's own stream and appended while the read models lag.
    await until(() => streamOf('lagging').length === 3, 'the hypothesis is appended');
    expect((await patient.gql(INITIATIVE, { id: 'lagging' })).data).toEqual({ initiative: null });

    log.releaseSubscriptions();
    const { data, errors } = await answer;
    expect(errors).toBeUndefined();
    expect(data?.stateHypothesis).toEqual({ id: 'lagging', version: 3, hypothesis: statement });
  });

  it('answers a retry of the accepted command normally once the replica shows it', async () => {
    await until(
      async () =>
        (await quick.gql<{ initiative: { version: number } | null }>(INITIATIVE, { id: 'lagging' })).data?.initiative
          ?.version === 3,
      'the quick replica has caught up',
    );
    const retry = await quick.gql<{ proposeInitiative: { id: string; version: number } }>(PROPOSE, { input: PROPOSAL });
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.proposeInitiative).toMatchObject({ id: 'lagging', version: 3 });
    expect(streamOf('lagging')).toHaveLength(3);
  });
});
