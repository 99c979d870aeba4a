import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Role, ROLES } from '../src/shared/auth/principal';
import { signToken } from '../src/shared/auth/tokens';
import * as dashboard from '../web/src/api/queries';
import { initiativesAsOfQuery } from './support/aliased-queries';
import { GraphQLResponse } from './support/graphql-client';
import { loadStory, ok, Story, STORY_START } from './support/story';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_JWT_SECRET, tokenFor } from './support/tokens';

/**
 * Security over real HTTP: who may send which command, who may read what, and what the service
 * does with abusive requests and bad tokens. One service (loaded with the reference story) serves
 * every test but the production-mode ones, which get a second service started alongside it.
 */

type MutationName =
  | 'registerTeam'
  | 'addTeamMember'
  | 'addTeamMembers'
  | 'removeTeamMember'
  | 'proposeInitiative'
  | 'stateHypothesis'
  | 'defineSuccessMetric'
  | 'launchPilot'
  | 'startIteration'
  | 'recordMeasurement'
  | 'recordMeasurements'
  | 'completeIteration'
  | 'recordDecision'
  | 'submitFeedback';

const INPUT_TYPES: Record<MutationName, string> = {
  registerTeam: 'RegisterTeamInput',
  addTeamMember: 'AddTeamMemberInput',
  addTeamMembers: 'AddTeamMembersInput',
  removeTeamMember: 'RemoveTeamMemberInput',
  proposeInitiative: 'ProposeInitiativeInput',
  stateHypothesis: 'StateHypothesisInput',
  defineSuccessMetric: 'DefineSuccessMetricInput',
  launchPilot: 'LaunchPilotInput',
  startIteration: 'StartIterationInput',
  recordMeasurement: 'RecordMeasurementInput',
  recordMeasurements: 'RecordMeasurementsInput',
  completeIteration: 'CompleteIterationInput',
  recordDecision: 'RecordDecisionInput',
  submitFeedback: 'SubmitFeedbackInput',
};
const MUTATIONS = Object.keys(INPUT_TYPES) as MutationName[];
const mutation = (name: MutationName) =>
  `mutation($input: ${INPUT_TYPES[name]}!) { ${name}(input: $input) { id version } }`;

/** The policy under test, written out cell by cell (DESIGN §7). */
const ALLOWED: Record<Role, ReadonlySet<MutationName>> = {
  DIRECTOR: new Set(MUTATIONS),
  MANAGER: new Set([
    'startIteration',
    'recordMeasurement',
    'recordMeasurements',
    'completeIteration',
    'recordDecision',
    'submitFeedback',
  ]),
  CONTRIBUTOR: new Set(['submitFeedback']),
  VIEWER: new Set(),
  AUDITOR: new Set(),
};

const DAY = 86_400_000;
const METRIC = 'replies';

/**
 * A team with initiatives at every stage a command needs, each command aimed at its own
 * initiative so the cells of one role do not depend on each other's order.
 */
interface Fixture {
  tag: string;
  teamId: string;
  director: string;
  managerA: string;
  managerB: string;
  ics: string[];
  proposed: string;
  hypothesised: string;
  defined: string;
  piloting: string;
  measuring: string;
  completing: string;
  /** Owned by managerA, assessed DELEGATE_TO_MANAGER, one iteration completed and undecided. */
  delegatedUndecided: string;
  /** Owned by managerA, assessed DIRECTOR_LED, one iteration completed and undecided. */
  directorLedUndecided: string;
}

describe('security over real HTTP', () => {
  let app: TestApp;
  let production: TestApp;
  let story: Story;
  let db: Database.Database;
  const fixtures = {} as Record<Role, Fixture>;
  const tokens = {} as Record<Role, string>;
  let director: string;

  const eventCount = () => (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

  /** Events of one initiative, as the audit trail counts them. */
  async function trailLength(initiativeId: string): Promise<number> {
    const { auditTrail } = await ok(
      app.gql<{ auditTrail: { totalCount: number } }>(
        `query($id: ID!) { auditTrail(initiativeId: $id, first: 0) { totalCount } }`,
        { id: initiativeId },
        { token: director },
      ),
    );
    return auditTrail.totalCount;
  }

  async function post(
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    target: TestApp = app,
  ): Promise<{ status: number; contentType: string | null; text: string; json: GraphQLResponse }> {
    const response = await fetch(`${target.baseUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${director}`, ...headers },
      body,
    });
    const text = await response.text();
    let json: GraphQLResponse = { status: response.status };
    try {
      json = { status: response.status, ...(JSON.parse(text) as object) };
    } catch {
      // Left empty: the assertions on the content type and body say what went wrong.
    }
    return { status: response.status, contentType: response.headers.get('content-type'), text, json };
  }

  /** No error a client sees carries a stack trace, a source path or an internal class name. */
  function expectNoInternals(body: unknown): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    expect(text).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|node_modules|\.[jt]s:\d+|<html|<pre>/i);
  }

  const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

  async function build(tag: string): Promise<Fixture> {
    const gql = (query: string, variables: Record<string, unknown>) =>
      ok(app.gql(query, variables, { token: director }));
    const teamId = `sec-${tag}`;
    const f: Fixture = {
      tag,
      teamId,
      director: `${tag}-dir`,
      managerA: `${tag}-mgr-a`,
      managerB: `${tag}-mgr-b`,
      ics: [1, 2, 3, 4].map((n) => `${tag}-ic-${n}`),
      proposed: `${tag}-proposed`,
      hypothesised: `${tag}-hypothesised`,
      defined: `${tag}-defined`,
      piloting: `${tag}-piloting`,
      measuring: `${tag}-measuring`,
      completing: `${tag}-completing`,
      delegatedUndecided: `${tag}-delegated`,
      directorLedUndecided: `${tag}-director-led`,
    };
    await gql(mutation('registerTeam'), { input: { teamId, name: `Security ${tag}` } });
    const add = (memberId: string, role: string, managerId?: string) =>
      gql(mutation('addTeamMember'), { input: { teamId, memberId, name: memberId, role, managerId } });
    await add(f.director, 'DIRECTOR');
    await add(f.managerA, 'MANAGER');
    await add(f.managerB, 'MANAGER');
    for (const ic of f.ics) await add(ic, 'IC', f.managerA);
    await add(`${tag}-leaver`, 'IC', f.managerB);

    type Stage = 'proposed' | 'hypothesised' | 'defined' | 'piloting' | 'open' | 'completed';
    const stages: Stage[] = ['proposed', 'hypothesised', 'defined', 'piloting', 'open', 'completed'];
    const initiative = async (initiativeId: string, stage: Stage, potentialReach = 4) => {
      const reached = (s: Stage) => stages.indexOf(stage) >= stages.indexOf(s);
      await gql(mutation('proposeInitiative'), {
        input: { initiativeId, teamId, title: `Idea ${initiativeId}`, problem: 'Replies are slow', potentialReach },
      });
      if (reached('hypothesised')) {
        await gql(mutation('stateHypothesis'), {
          input: { initiativeId, statement: 'We believe that templates for reps will raise replies' },
        });
      }
      if (reached('defined')) await gql(mutation('defineSuccessMetric'), { input: metricInput(initiativeId) });
      if (reached('piloting')) {
        await gql(mutation('launchPilot'), {
          input: { initiativeId, ownerId: f.managerA, participantIds: f.ics.slice(0, 2) },
        });
      }
      if (reached('open')) await gql(mutation('startIteration'), { input: iterationInput(initiativeId) });
      if (reached('completed')) {
        await gql(mutation('completeIteration'), {
          input: { initiativeId, outcome: 'VALIDATED', learnings: 'Templates work' },
        });
      }
    };
    await Promise.all([
      initiative(f.proposed, 'proposed'),
      initiative(f.hypothesised, 'hypothesised'),
      initiative(f.defined, 'defined'),
      initiative(f.piloting, 'piloting'),
      initiative(f.measuring, 'open'),
      initiative(f.completing, 'open'),
      initiative(f.delegatedUndecided, 'completed', 1),
      initiative(f.directorLedUndecided, 'completed', 4),
    ]);
    return f;
  }

  const metricInput = (initiativeId: string) => ({
    initiativeId,
    metricId: METRIC,
    name: 'Replies per week',
    unit: 'replies',
    direction: 'INCREASE',
    baseline: 10,
    target: 15,
    cadence: 'WEEKLY',
    source: 'CRM',
  });
  const iterationInput = (initiativeId: string) => ({
    initiativeId,
    change: 'Reps use reply templates',
    plannedEndAt: new Date(Date.parse(app.clock.now()) + 14 * DAY).toISOString(),
  });

  /** A valid input for each command, aimed at the fixture initiative in the stage it needs. */
  function inputFor(name: MutationName, f: Fixture, actor: string): Record<string, unknown> {
    switch (name) {
      case 'registerTeam':
        return { teamId: `${f.tag}-another-team`, name: 'Another team' };
      case 'addTeamMember':
        return { teamId: f.teamId, memberId: `${f.tag}-joiner`, name: 'Jo', role: 'IC', managerId: f.managerA };
      case 'addTeamMembers':
        return {
          teamId: f.teamId,
          members: [
            { memberId: `${f.tag}-joiner-a`, name: 'Al', role: 'IC', managerId: f.managerA },
            { memberId: `${f.tag}-joiner-b`, name: 'Bo', role: 'IC', managerId: f.managerA },
          ],
        };
      case 'removeTeamMember':
        return { teamId: f.teamId, memberId: `${f.tag}-leaver` };
      case 'proposeInitiative':
        return { initiativeId: `${f.tag}-new-idea`, teamId: f.teamId, title: 'New', problem: 'P', potentialReach: 3 };
      case 'stateHypothesis':
        return { initiativeId: f.proposed, statement: 'We believe that call scripts for reps will raise replies' };
      case 'defineSuccessMetric':
        return metricInput(f.hypothesised);
      case 'launchPilot':
        return { initiativeId: f.defined, ownerId: f.managerA, participantIds: f.ics.slice(0, 2) };
      case 'startIteration':
        return iterationInput(f.piloting);
      case 'recordMeasurement':
        return {
          initiativeId: f.measuring,
          metricId: METRIC,
          value: 12,
          periodStart: '2026-03-02',
          participantId: f.ics[0],
        };
      case 'recordMeasurements':
        return {
          initiativeId: f.measuring,
          readings: f.ics.slice(0, 2).map((participantId) => ({
            metricId: METRIC,
            value: 11,
            periodStart: '2026-03-09',
            participantId,
          })),
        };
      case 'completeIteration':
        return { initiativeId: f.completing, outcome: 'INCONCLUSIVE', learnings: 'Too early to tell' };
      case 'recordDecision':
        return { initiativeId: f.delegatedUndecided, kind: 'PERSEVERE', rationale: 'Keep going' };
      case 'submitFeedback':
        return { initiativeId: f.proposed, authorId: actor, kind: 'SUGGESTION', text: 'Try it on Fridays' };
    }
  }

  const subOf = (role: Role, f: Fixture): string =>
    ({ DIRECTOR: f.director, MANAGER: f.managerA, CONTRIBUTOR: f.ics[0], VIEWER: 'grafana', AUDITOR: 'audrey' })[role];

  beforeAll(async () => {
    director = await tokenFor('DIRECTOR', 'dana');
    [app, production] = await Promise.all([
      startTestApp({ clockStart: STORY_START, token: director }),
      startTestApp({ env: { NODE_ENV: 'production', GRAPHQL_MAX_DEPTH: '6' }, token: director }),
    ]);
    db = new Database(join(app.dataDir, 'pilotlog.sqlite'), { readonly: true, fileMustExist: true });
    story = await loadStory(app, app.clock);
    await Promise.all(
      ROLES.map(async (role) => {
        const f = await build(role.toLowerCase());
        fixtures[role] = f;
        // Every token but the director's is scoped to its own team.
        tokens[role] = await tokenFor(role, subOf(role, f), role === 'DIRECTOR' ? '*' : [f.teamId]);
      }),
    );
  }, 180_000);

  afterAll(async () => {
    db?.close();
    await Promise.all([app?.destroy(), production?.destroy()]);
  });

  describe('every role × every mutation', () => {
    const cells = ROLES.flatMap((role) => MUTATIONS.map((name) => [role, name, ALLOWED[role].has(name)] as const));

    it.each(cells)('%s %s: allowed = %s', async (role, name, allowed) => {
      const f = fixtures[role];
      const input = inputFor(name, f, subOf(role, f));
      const target = typeof input.initiativeId === 'string' && name !== 'proposeInitiative' ? input.initiativeId : null;
      const trailBefore = target ? await trailLength(target) : null;
      const before = eventCount();
      const response = await app.gql(mutation(name), { input }, { token: tokens[role] });
      if (allowed) {
        // The fixture puts each command's initiative in the stage it needs: the command succeeds.
        expect(response.errors).toBeUndefined();
        expect(eventCount()).toBeGreaterThan(before);
      } else {
        expect(codeOf(response)).toBe('FORBIDDEN');
        expect(response.data ?? null).toBeNull();
        expect(eventCount()).toBe(before);
        if (target) expect(await trailLength(target)).toBe(trailBefore);
      }
    });
  });

  describe('managers run the pilots they own', () => {
    it('a manager who does not own the pilot may not start, measure, complete or decide on it', async () => {
      const f = fixtures.MANAGER;
      const other = await tokenFor('MANAGER', f.managerB, [f.teamId]);
      const before = eventCount();
      for (const [name, input] of [
        ['startIteration', iterationInput(f.piloting)],
        ['recordMeasurement', { ...inputFor('recordMeasurement', f, f.managerB), metricId: METRIC }],
        ['completeIteration', { initiativeId: f.measuring, outcome: 'VALIDATED', learnings: 'x' }],
        ['recordDecision', { initiativeId: f.directorLedUndecided, kind: 'STOP', rationale: 'x' }],
      ] as const) {
        const response = await app.gql(mutation(name), { input }, { token: other });
        expect(codeOf(response)).toBe('FORBIDDEN');
      }
      expect(eventCount()).toBe(before);
    });

    it('the owner may not decide on a pilot assessed DIRECTOR_LED; the director may', async () => {
      const f = fixtures.MANAGER;
      const input = { initiativeId: f.directorLedUndecided, kind: 'SCALE', rationale: 'Replies doubled' };
      const before = await trailLength(f.directorLedUndecided);
      const refused = await app.gql(mutation('recordDecision'), { input }, { token: tokens.MANAGER });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/delegated to a manager/);
      expect(await trailLength(f.directorLedUndecided)).toBe(before);
      await ok(app.gql(mutation('recordDecision'), { input }, { token: director }));
    });

    it('a manager may not define, launch or change the team', async () => {
      const f = fixtures.MANAGER;
      const before = eventCount();
      for (const name of ['proposeInitiative', 'launchPilot', 'addTeamMember', 'stateHypothesis'] as const) {
        const response = await app.gql(
          mutation(name),
          { input: inputFor(name, f, f.managerA) },
          {
            token: tokens.MANAGER,
          },
        );
        expect(codeOf(response)).toBe('FORBIDDEN');
      }
      expect(eventCount()).toBe(before);
    });
  });

  describe('contributors give feedback as themselves', () => {
    it('refuses feedback in another member’s name', async () => {
      const f = fixtures.CONTRIBUTOR;
      const before = await trailLength(f.proposed);
      const input = { initiativeId: f.proposed, authorId: f.ics[1], kind: 'CONCERN', text: 'Not me who said it' };
      const response = await app.gql(mutation('submitFeedback'), { input }, { token: tokens.CONTRIBUTOR });
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.errors?.[0].message).toMatch(/only as themselves/);
      expect(await trailLength(f.proposed)).toBe(before);
    });
  });

  describe('reading dashboards and the audit trail', () => {
    const dashboards = (): Array<[string, string, Record<string, unknown>]> => [
      ['team impact', dashboard.TEAM_IMPACT_QUERY, { teamId: story.teamId }],
      ['portfolio', dashboard.PORTFOLIO_QUERY, {}],
      ['initiative list', dashboard.INITIATIVE_LIST_QUERY, { teamId: story.teamId, first: 100 }],
      ['initiative', dashboard.INITIATIVE_QUERY, { id: story.channel }],
      ['metric series', dashboard.METRIC_SERIES_QUERY, { initiativeId: story.channel, metricId: story.metricId }],
      [
        'cohort comparison',
        dashboard.COHORT_COMPARISON_QUERY,
        { initiativeId: story.channel, metricId: story.metricId, iteration: 2 },
      ],
      ['feedback', dashboard.FEEDBACK_QUERY, { initiativeId: story.channel }],
      ['team members', dashboard.TEAM_MEMBERS_QUERY, { teamId: story.teamId }],
    ];
    const audits = (): Array<[string, string, Record<string, unknown>]> => [
      ['auditTrail', dashboard.AUDIT_TRAIL_QUERY, { initiativeId: story.channel, first: 50 }],
      ['decisionReplay', dashboard.DECISION_REPLAY_QUERY, { decisionId: story.scaleDecisionId }],
      ['verifyAuditTrail', dashboard.VERIFY_AUDIT_TRAIL_QUERY, { initiativeId: story.channel }],
    ];
    const storyToken = (role: Role, sub: string) => tokenFor(role, sub, [story.teamId]);

    it('a VIEWER (a BI tool) reads every dashboard', async () => {
      const viewer = await storyToken('VIEWER', 'grafana');
      for (const [name, query, variables] of dashboards()) {
        const response = await app.gql(query, variables, { token: viewer });
        expect({ name, errors: response.errors }).toEqual({ name, errors: undefined });
        expect(response.data).toBeTruthy();
      }
    });

    it.each(['VIEWER', 'MANAGER', 'CONTRIBUTOR'] as const)(
      'a %s may not read the audit trail, replay a decision or verify the chain',
      async (role) => {
        const token = await storyToken(role, role === 'MANAGER' ? story.managers[0] : story.ics[0]);
        for (const [name, query, variables] of audits()) {
          const response = await app.gql(query, variables, { token });
          expect({ name, code: codeOf(response) }).toEqual({ name, code: 'FORBIDDEN' });
        }
      },
    );

    it.each(['AUDITOR', 'DIRECTOR'] as const)('an %s reads all three audit queries', async (role) => {
      const token = await storyToken(role, 'audrey');
      const trail = await ok(app.gql<any>(dashboard.AUDIT_TRAIL_QUERY, audits()[0][2], { token }));
      expect(trail.auditTrail.totalCount).toBeGreaterThan(10);
      const replay = await ok(app.gql<any>(dashboard.DECISION_REPLAY_QUERY, audits()[1][2], { token }));
      expect(replay.decisionReplay).toMatchObject({ evidenceMatches: true, decision: { kind: 'SCALE' } });
      const verified = await ok(app.gql<any>(dashboard.VERIFY_AUDIT_TRAIL_QUERY, audits()[2][2], { token }));
      expect(verified.verifyAuditTrail.valid).toBe(true);
    });

    it('a token for another team reads nothing of this one and writes nothing to it', async () => {
      const elsewhere = await tokenFor('DIRECTOR', 'dana', ['some-other-team']);
      const impact = await app.gql(dashboard.TEAM_IMPACT_QUERY, { teamId: story.teamId }, { token: elsewhere });
      expect(codeOf(impact)).toBe('FORBIDDEN');
      const replay = await app.gql(dashboard.DECISION_REPLAY_QUERY, audits()[1][2], { token: elsewhere });
      expect(codeOf(replay)).toBe('FORBIDDEN');
      const teams = await ok(
        app.gql<{ teams: Array<{ id: string }> }>(dashboard.TEAMS_QUERY, {}, { token: elsewhere }),
      );
      expect(teams.teams).toEqual([]);
      const list = await ok(
        app.gql<any>(
          `{ initiatives(first: 500) { totalCount } decisions(first: 500) { totalCount } }`,
          {},
          {
            token: elsewhere,
          },
        ),
      );
      expect(list).toEqual({ initiatives: { totalCount: 0 }, decisions: { totalCount: 0 } });
      const before = eventCount();
      const input = {
        initiativeId: 'elsewhere-idea',
        teamId: story.teamId,
        title: 'T',
        problem: 'P',
        potentialReach: 1,
      };
      const write = await app.gql(mutation('proposeInitiative'), { input }, { token: elsewhere });
      expect(codeOf(write)).toBe('FORBIDDEN');
      const feedback = { initiativeId: story.channel, authorId: story.ics[0], kind: 'PRAISE', text: 'Hi' };
      expect(codeOf(await app.gql(mutation('submitFeedback'), { input: feedback }, { token: elsewhere }))).toBe(
        'FORBIDDEN',
      );
      expect(eventCount()).toBe(before);
    });
  });

  describe('the actor is the token’s subject', () => {
    it('writes the token sub as actor, whoever the input names', async () => {
      const f = fixtures.DIRECTOR;
      const id = 'actor-check';
      const propose = { initiativeId: id, teamId: f.teamId, title: 'Actor', problem: 'P', potentialReach: 2 };
      const proposed = await ok(
        app.gql<any>(
          `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { proposedBy } }`,
          { input: propose },
          { token: tokens.DIRECTOR },
        ),
      );
      expect(proposed.proposeInitiative.proposedBy).toBe(f.director);
      // A director may file feedback an IC gave in person: the IC is its author, the director its actor.
      const feedback = { initiativeId: id, authorId: f.ics[2], kind: 'SUGGESTION', text: 'Said in our 1:1' };
      await ok(app.gql(mutation('submitFeedback'), { input: feedback }, { token: tokens.DIRECTOR }));
      const { auditTrail } = await ok(
        app.gql<any>(
          `query($id: ID!) { auditTrail(initiativeId: $id) { edges { node { type actor data } } } }`,
          { id },
          { token: director },
        ),
      );
      const events = auditTrail.edges.map((e: any) => e.node);
      expect(events.map((e: any) => e.actor)).toEqual(events.map(() => f.director));
      expect(events.find((e: any) => e.type === 'FeedbackSubmitted').data).toMatchObject({
        authorId: f.ics[2],
        recordedBy: f.director,
      });
      const shown = await ok(
        app.gql<any>(
          `query($id: ID!) { feedback(initiativeId: $id) { authorId recordedBy text } }`,
          { id },
          { token: director },
        ),
      );
      expect(shown.feedback).toEqual([{ authorId: f.ics[2], recordedBy: f.director, text: 'Said in our 1:1' }]);
    });

    it('feedback without an author is the signed-in person’s own, and no input can say who recorded it', async () => {
      const f = fixtures.CONTRIBUTOR;
      const own = { initiativeId: f.proposed, kind: 'PRAISE', text: 'My own words' };
      const answered = await app.gql(mutation('submitFeedback'), { input: own }, { token: tokens.CONTRIBUTOR });
      expect(answered.errors).toBeUndefined();
      const shown = await ok(
        app.gql<any>(
          `query($id: ID!) { feedback(initiativeId: $id) { authorId recordedBy text } }`,
          { id: f.proposed },
          { token: director },
        ),
      );
      expect(shown.feedback).toContainEqual({ authorId: f.ics[0], recordedBy: f.ics[0], text: 'My own words' });
      const before = eventCount();
      const forged = { ...own, authorId: f.ics[0], recordedBy: f.director, text: 'Forged' };
      const refused = await app.gql(mutation('submitFeedback'), { input: forged }, { token: tokens.CONTRIBUTOR });
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(eventCount()).toBe(before);
    });

    it('refuses an input that tries to set the actor, and appends nothing', async () => {
      const f = fixtures.DIRECTOR;
      const before = eventCount();
      for (const extra of [{ actor: 'mallory' }, { proposedBy: 'mallory' }]) {
        const input = { teamId: f.teamId, title: 'Forged', problem: 'P', potentialReach: 1, ...extra };
        const response = await app.gql(mutation('proposeInitiative'), { input }, { token: tokens.DIRECTOR });
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
      }
      const inline = await app.gql(
        `mutation { proposeInitiative(input: { teamId: "${f.teamId}", title: "F", problem: "P", potentialReach: 1, actor: "mallory" }) { id } }`,
        {},
        { token: tokens.DIRECTOR },
      );
      expect(codeOf(inline)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(eventCount()).toBe(before);
    });
  });

  describe('bad tokens', () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = () => Math.floor(Date.now() / 1000) + 3600;

    it.each([
      ['no token', async () => null],
      ['a token signed with another secret', () => tokenFor('DIRECTOR', 'dana', '*', { secret: 'x'.repeat(48) })],
      [
        'an unsigned token (alg none)',
        async () =>
          `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'dana', role: 'DIRECTOR', teams: ['*'], exp: exp() })}.`,
      ],
      [
        'a token whose payload was edited after signing',
        async () => {
          const [header, , signature] = (await tokenFor('VIEWER', 'grafana')).split('.');
          return `${header}.${b64({ sub: 'grafana', role: 'DIRECTOR', teams: ['*'], exp: exp() })}.${signature}`;
        },
      ],
      ['an expired token', () => tokenFor('DIRECTOR', 'dana', '*', { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
      [
        'a token with a role the service does not know',
        () => signToken(TEST_JWT_SECRET, { sub: 'dana', role: 'ADMIN' as Role, teams: '*' }),
      ],
      ['a malformed header value', async () => 'not-a-jwt'],
    ])('%s is UNAUTHENTICATED and appends nothing', async (_name, token) => {
      const value = await token();
      const before = eventCount();
      const response = await app.gql(mutation('registerTeam'), { input: { name: 'Intruders' } }, { token: value });
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
      expect(response.data ?? null).toBeNull();
      expectNoInternals(response);
      const read = await app.gql(dashboard.TEAMS_QUERY, {}, { token: value });
      expect(codeOf(read)).toBe('UNAUTHENTICATED');
      expect(eventCount()).toBe(before);
    });

    it('says an expired token has expired', async () => {
      const expired = await tokenFor('VIEWER', 'grafana', '*', { expiresIn: Math.floor(Date.now() / 1000) - 60 });
      const response = await app.gql(dashboard.TEAMS_QUERY, {}, { token: expired });
      expect(response.errors?.[0].message).toBe('The token has expired');
    });
  });

  describe('abusive operations are refused before they run', () => {
    async function expectLimit(query: string, code: string, variables: Record<string, unknown> = {}) {
      const before = eventCount();
      const { status, json, text } = await post(JSON.stringify({ query, variables }));
      expect(status).toBe(400);
      expect(json.data ?? null).toBeNull();
      const error = json.errors?.find((e) => e.extensions?.code === code);
      expect(error?.extensions).toMatchObject({ code, limit: expect.any(Number) });
      expectNoInternals(text);
      expect(eventCount()).toBe(before);
      return error!;
    }

    it('a depth bomb: QUERY_TOO_DEEP', async () => {
      const bombOf = (levels: number) => `{ teams { ${'... on Team { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
      const error = await expectLimit(bombOf(15), 'QUERY_TOO_DEEP');
      expect(error.extensions).toMatchObject({ limit: 10, found: 17 });
      expect(error.message).toMatch(/^The query nests fields 17 levels deep; at most 10 are allowed/);
      // Deep enough, it costs too much as well: the answer names both limits.
      const deeper = await post(JSON.stringify({ query: bombOf(30) }));
      expect(deeper.json.errors?.map((e) => e.extensions?.code).sort()).toEqual(['QUERY_TOO_COSTLY', 'QUERY_TOO_DEEP']);
    });

    it('an alias flood: TOO_MANY_ALIASES, also for mutations, which append nothing', async () => {
      const reads = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: teams { id }`).join(' ')} }`;
      expect((await expectLimit(reads, 'TOO_MANY_ALIASES')).extensions).toMatchObject({ limit: 100, found: 500 });
      const f = fixtures.DIRECTOR;
      const writes = `mutation { ${Array.from(
        { length: 150 },
        (_, i) =>
          `f${i}: submitFeedback(input: { initiativeId: "${f.proposed}", authorId: "${f.ics[0]}", kind: PRAISE, text: "spam ${i}" }) { id }`,
      ).join(' ')} }`;
      await expectLimit(writes, 'TOO_MANY_ALIASES');
    });

    it('a cost bomb: QUERY_TOO_COSTLY', async () => {
      const heavy = `initiatives(first: 500) { edges { node { id title metrics { id name latest progress }
        iterations { number outcome } decisions { id kind evidence { name latest
        comparison { difference pValue pilot { n mean sd } control { n mean sd } } } } } } }`;
      const error = await expectLimit(`{ ${heavy} }`, 'QUERY_TOO_COSTLY');
      expect(error.extensions).toMatchObject({ limit: 100000 });
      expect(error.extensions?.found as number).toBeGreaterThan(100000);
    });

    it('a token bomb: TOO_MANY_TOKENS', async () => {
      const error = await expectLimit(`{ teams { ${'id '.repeat(20000)}} }`, 'TOO_MANY_TOKENS');
      expect(error.extensions).toEqual({ code: 'TOO_MANY_TOKENS', limit: 5000 });
    });

    it('a directive flood: TOO_MANY_DIRECTIVES', async () => {
      const error = await expectLimit(`{ teams { id ${'@include(if: true) '.repeat(60)} } }`, 'TOO_MANY_DIRECTIVES');
      expect(error.extensions).toMatchObject({ limit: 50, found: 60 });
    });

    it('the heaviest queries the dashboard and the README send still pass', async () => {
      const ids = Array.from({ length: 100 }, (_, i) => [`id${i}`, i % 2 ? story.channel : story.delegated]);
      const timeTravel = await ok(
        app.gql<Record<string, { status: string }>>(initiativesAsOfQuery(100), {
          asOf: story.moments.afterLaunch,
          ...Object.fromEntries(ids),
        }),
      );
      expect(Object.keys(timeTravel)).toHaveLength(100);
      expect(timeTravel.i1.status).toBe('PILOTING');
      const replay = await ok(app.gql<any>(dashboard.DECISION_REPLAY_QUERY, { decisionId: story.pivotDecisionId }));
      expect(replay.decisionReplay.decision.kind).toBe('PIVOT');
      await ok(app.gql(dashboard.INITIATIVE_QUERY, { id: story.channel }));
      await ok(
        app.gql(
          `{ initiatives(first: 500, filter: { status: PILOTING }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id teamId title status currentReach ownerId } } } }`,
        ),
      );
      await ok(
        app.gql(
          `{ decisions(first: 500, filter: { kind: SCALE }) { totalCount edges { node { id initiativeId kind rationale decidedBy decidedAt iteration evidence { name baseline target latest progress comparison { difference ciLow ciHigh pValue } } } } } }`,
        ),
      );
    });
  });

  describe('requests the service does not read', () => {
    it('a body over 1 MB: 413 PAYLOAD_TOO_LARGE as JSON, nothing appended', async () => {
      const before = eventCount();
      const body = JSON.stringify({
        query: mutation('registerTeam'),
        variables: { input: { name: 'Huge', padding: 'x'.repeat(1_100_000) } },
      });
      const { status, contentType, json, text } = await post(body);
      expect(status).toBe(413);
      expect(contentType).toMatch(/^application\/json/);
      expect(json.errors?.[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', limit: 1048576 });
      expect(json.errors?.[0].message).toMatch(/larger than 1 MB/);
      expectNoInternals(text);
      expect(eventCount()).toBe(before);
    });

    it('a body just under 1 MB is read', async () => {
      const body = JSON.stringify({ query: '{ teams { id } }', variables: { pad: 'x'.repeat(1_000_000) } });
      const { status, json } = await post(body);
      expect(status).toBe(200);
      expect(json.errors).toBeUndefined();
    });

    it.each([
      ['truncated JSON', '{"query": "{ teams { id } }"'],
      ['not JSON at all', 'query { teams { id } }'],
      ['a bare string', '"{ teams { id } }"'],
    ])('%s: 400 with a JSON error, no parser message or stack', async (_name, body) => {
      const { status, contentType, json, text } = await post(body);
      expect(status).toBe(400);
      expect(contentType).toMatch(/^application\/json/);
      expect(json.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
      expectNoInternals(text);
      expect(text).not.toMatch(/Unexpected token|SyntaxError/);
    });

    it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x']])(
      'a simple cross-site POST (%s, no preflight header) is blocked and appends nothing',
      async (contentType) => {
        const before = eventCount();
        const body = JSON.stringify({ query: mutation('registerTeam'), variables: { input: { name: 'CSRF' } } });
        const { status, json, text } = await post(body, { 'content-type': contentType });
        expect(status).toBe(400);
        expect(json.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
        expect(json.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
        expectNoInternals(text);
        expect(eventCount()).toBe(before);
      },
    );

    it('a mutation over GET is refused, with or without the preflight header', async () => {
      const before = eventCount();
      const query = encodeURIComponent(`mutation { registerTeam(input: { name: "Over GET" }) { id } }`);
      for (const headers of [{}, { 'apollo-require-preflight': 'true' }] as Array<Record<string, string>>) {
        const response = await fetch(`${app.baseUrl}/graphql?query=${query}`, {
          headers: { authorization: `Bearer ${director}`, ...headers },
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
      expect(eventCount()).toBe(before);
    });

    it('a batch of operations is refused whole, appending nothing', async () => {
      const before = eventCount();
      const one = (name: string) => ({ query: mutation('registerTeam'), variables: { input: { name } } });
      const { status, json } = await post(JSON.stringify([one('Batch 1'), one('Batch 2')]));
      expect(status).toBe(400);
      expect(json.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
      expect(json.errors?.[0].message).toMatch(/batching/i);
      expect(eventCount()).toBe(before);
    });
  });

  describe('in production (NODE_ENV=production)', () => {
    it('turns introspection off', async () => {
      for (const query of [`{ __schema { queryType { name } } }`, `{ __type(name: "Team") { fields { name } } }`]) {
        const response = await production.gql(query);
        expect(response.status).toBe(400);
        expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(response.errors?.[0].message).toMatch(/introspection is not allowed/i);
      }
      const development = await app.gql(`{ __schema { queryType { name } } }`);
      expect(development.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('serves introspection in production when GRAPHQL_INTROSPECTION=true asks for it', async () => {
      const introspectable = await startTestApp({
        env: { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' },
        token: director,
      });
      try {
        const response = await introspectable.gql(`{ __type(name: "Team") { name } }`);
        expect(response.data).toEqual({ __type: { name: 'Team' } });
      } finally {
        await introspectable.destroy();
      }
    });

    it('does not spell the schema out through field suggestions', async () => {
      const response = await production.gql(`{ teams { nam } }`);
      expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0].message).not.toMatch(/Did you mean/);
    });

    it('takes its limits from the environment (GRAPHQL_MAX_DEPTH=6 here)', async () => {
      const response = await production.gql(dashboard.DECISION_REPLAY_QUERY, { decisionId: 'd' });
      expect(response.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 6, found: 7 });
    });

    it('answers every kind of error without a stack trace or internal detail', async () => {
      const viewer = await tokenFor('VIEWER', 'grafana');
      const answers: unknown[] = [
        await production.gql(`{ teams { id `),
        await production.gql(`{ nothing }`),
        await production.gql(dashboard.TEAMS_QUERY, {}, { token: null }),
        await production.gql(dashboard.TEAMS_QUERY, {}, { token: 'forged.token.value' }),
        await production.gql(mutation('registerTeam'), { input: { name: 'V' } }, { token: viewer }),
        await production.gql(mutation('registerTeam'), { input: { name: 'x'.repeat(500) } }),
        await production.gql(`{ initiative(id: "nope") { id } teamImpact(teamId: "nope") { headcount } }`),
        await production.gql(mutation('proposeInitiative'), {
          input: { teamId: 'nope', title: 'T', problem: 'P', potentialReach: 1 },
        }),
        await production.gql(`{ initiatives(first: 1, after: "not-a-cursor") { totalCount } }`),
        await production.gql(`{ teams { ${'id '.repeat(6000)}} }`),
        (await post('{"query": ', undefined, production)).text,
        (await post(JSON.stringify({ query: '{ teams { id } }', pad: 'x'.repeat(1_100_000) }), undefined, production))
          .text,
        (await post(JSON.stringify({ query: '{ teams { id } }' }), { 'content-type': 'text/plain' }, production)).text,
      ];
      for (const answer of answers) expectNoInternals(answer);
      const codes = answers
        .map((a) => (typeof a === 'string' ? (JSON.parse(a) as GraphQLResponse) : (a as GraphQLResponse)))
        .map((a) => codeOf(a));
      expect(codes).toEqual([
        'GRAPHQL_PARSE_FAILED',
        'GRAPHQL_VALIDATION_FAILED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'BAD_USER_INPUT',
        'NOT_FOUND',
        'NOT_FOUND',
        'BAD_USER_INPUT',
        'TOO_MANY_TOKENS',
        'BAD_REQUEST',
        'PAYLOAD_TOO_LARGE',
        'BAD_REQUEST',
      ]);
    });
  });
});
