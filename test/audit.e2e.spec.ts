import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StoryClock } from './support/graphql-client';
import { loadStory, ok, Story, STORY_START } from './support/story';
import { GraphQLResponse, startTestApp, TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const DAY = 86_400_000;
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

const EVIDENCE = `metricId name baseline target latest progress
  comparison { metricId iteration difference ciLow ciHigh pValue pilot { n mean sd } control { n mean sd } }`;

const INITIATIVE_FIELDS = `id teamId title problem status version hypothesis proposedBy proposedAt launchedAt
  ownerId participantIds controlIds currentReach
  hypothesisRevisions { statement previous decisionId revisedAt }
  impact { potentialReach headcount share threshold recommendation }
  metrics { id name unit direction baseline target cadence source kind latest progress onTrack }
  iterations { number change startedAt plannedEndAt completedAt outcome learnings overdue }
  decisions { id initiativeId teamId kind rationale decidedBy decidedAt iteration evidence { ${EVIDENCE} } }`;

/** Every field of the team and of each initiative of the story, live (asOf null) or as of an instant. */
const DASHBOARDS = `query($team: ID!, $channel: ID!, $delegated: ID!, $idle: ID!, $asOf: DateTime) {
  team(id: $team, asOf: $asOf) {
    id name version headcount impactThreshold paralysisLimitDays registeredAt
    members { id name role managerId addedAt }
  }
  channel: initiative(id: $channel, asOf: $asOf) { ${INITIATIVE_FIELDS} }
  delegated: initiative(id: $delegated, asOf: $asOf) { ${INITIATIVE_FIELDS} }
  idle: initiative(id: $idle, asOf: $asOf) { ${INITIATIVE_FIELDS} }
}`;

const IMPACT_FIELDS = `teamId asOf headcount reachedMembers coverage activeInitiatives
  initiativesByStatus { status count } hypothesisHitRate medianDaysToDecision
  overdue { initiativeId iteration kind since } analysisParalysis`;

/** Separate from DASHBOARDS: before the team exists teamImpact is NOT_FOUND, which nulls the whole answer. */
const IMPACT = `query($team: ID!, $asOf: DateTime) {
  teamImpact(teamId: $team, asOf: $asOf) { ${IMPACT_FIELDS} }
  portfolioImpact(asOf: $asOf) { asOf headcount reachedMembers coverage initiativesByStatus { status count }
    teams { ${IMPACT_FIELDS} } }
}`;

const REPLAY = `query($id: ID!) { decisionReplay(decisionId: $id) {
  decision { id kind iteration decidedAt decidedBy evidence { ${EVIDENCE} } }
  initiativeBefore { ${INITIATIVE_FIELDS} }
  eventsBefore
  recomputedEvidence { ${EVIDENCE} }
  evidenceMatches
} }`;

const TRAIL = `query($id: ID!, $first: Int, $after: String) { auditTrail(initiativeId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { position streamId revision type occurredAt actor commandId correlationId causationId schemaVersion data } }
} }`;

const VERIFY = `query($id: ID!) { verifyAuditTrail(initiativeId: $id) { initiativeId valid checkedEvents firstBrokenVersion } }`;

/**
 * Every other read query, each on its own so that one answering NOT_FOUND (before the initiative
 * or its metric existed) leaves the others' answers whole.
 */
const LISTS_AND_SERIES: Record<string, string> = {
  teams: `query($asOf: DateTime) { teams(asOf: $asOf) { id version headcount members { id role } } }`,
  initiatives: `query($asOf: DateTime) { initiatives(first: 50, asOf: $asOf) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${INITIATIVE_FIELDS} } } } }`,
  decisions: `query($asOf: DateTime) { decisions(asOf: $asOf) {
    totalCount edges { cursor node { id initiativeId teamId kind rationale decidedBy decidedAt iteration evidence { ${EVIDENCE} } } } } }`,
  metricSeries: `query($asOf: DateTime, $channel: ID!, $metric: ID!) {
    metricSeries(initiativeId: $channel, metricId: $metric, asOf: $asOf) { periodStart cohort iteration n mean min max } }`,
  cohortComparison: `query($asOf: DateTime, $channel: ID!, $metric: ID!) {
    first: cohortComparison(initiativeId: $channel, metricId: $metric, iteration: 1, asOf: $asOf) { pilot { n mean sd } control { n mean sd } difference ciLow ciHigh pValue }
    second: cohortComparison(initiativeId: $channel, metricId: $metric, iteration: 2, asOf: $asOf) { pilot { n mean } control { n mean } difference pValue } }`,
  feedback: `query($asOf: DateTime, $channel: ID!) { feedback(initiativeId: $channel, asOf: $asOf) { id authorId kind text submittedAt } }`,
  auditTrail: `query($asOf: DateTime, $channel: ID!) { auditTrail(initiativeId: $channel, first: 500, asOf: $asOf) {
    totalCount edges { cursor node { revision type occurredAt actor commandId schemaVersion data } } } }`,
};

/** The story's ids are fixed by loadStory; the test checks them against what it returns. */
const IDS = { team: 'smb', channel: 'channel', delegated: 'followups', idle: 'idle' };
const METRIC = 'engaged';

interface Capture {
  at: string;
  dashboards: GraphQLResponse;
  impact: GraphQLResponse;
  others: Record<string, GraphQLResponse>;
}

interface TrailNode {
  revision: number;
  type: string;
  occurredAt: string;
  actor: string;
  commandId: string | null;
  data: Record<string, unknown>;
}

const ROOT = resolve(__dirname, '..');

/** `npm run audit -- ...args` as a user runs it, against the service's DATA_DIR. */
function audit(dataDir: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['--require', join(ROOT, 'scripts/register-ts.js'), join(ROOT, 'scripts/audit.ts'), ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

// Each audit CLI run starts a TypeScript process of its own, which takes seconds on a loaded machine.
jest.setTimeout(120_000);

describe('time travel and audit over real HTTP', () => {
  let app: TestApp;
  let story: Story;
  let token: string;
  const captures: Capture[] = [];

  const others = async (asOf: string | null): Promise<Record<string, GraphQLResponse>> => {
    const answers: Record<string, GraphQLResponse> = {};
    for (const [name, query] of Object.entries(LISTS_AND_SERIES)) {
      answers[name] = await app.gql(query, { asOf, channel: IDS.channel, metric: METRIC });
    }
    return answers;
  };
  const live = async (): Promise<Capture> => ({
    at: app.clock.now(),
    dashboards: await app.gql(DASHBOARDS, { ...IDS, asOf: null }),
    impact: await app.gql(IMPACT, { team: IDS.team, asOf: null }),
    others: await others(null),
  });

  async function trail(initiativeId: string): Promise<TrailNode[]> {
    const { auditTrail } = await ok(
      app.gql<{ auditTrail: { edges: Array<{ node: TrailNode }> } }>(TRAIL, { id: initiativeId }),
    );
    return auditTrail.edges.map((e) => e.node);
  }

  beforeAll(async () => {
    token = await tokenFor('DIRECTOR', 'dana');
    // A day before the story, so the first instant captured is one with nothing recorded yet.
    app = await startTestApp({ clockStart: plusDays(STORY_START, -1), token });
    // Captures the live answers each time the story is about to leave an instant: by then every
    // event of that instant is recorded, which is exactly what asOf that instant must fold.
    const capturing: StoryClock = {
      now: () => app.clock.now(),
      async set(iso) {
        if (iso !== app.clock.now()) captures.push(await live());
        await app.clock.set(iso);
      },
      async advanceDays(days) {
        captures.push(await live());
        await app.clock.advanceDays(days);
      },
    };
    story = await loadStory(app, capturing);
    captures.push(await live());
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    rmSync(app.dataDir, { recursive: true, force: true });
  });

  it('answers team, initiative, teamImpact and portfolioImpact asOf each instant exactly as they were live then', async () => {
    expect({ team: story.teamId, channel: story.channel, delegated: story.delegated, idle: story.idle }).toEqual(IDS);
    const statuses = captures.map((c) => (c.dashboards.data?.channel as { status: string } | null)?.status ?? null);
    const distinct = statuses.filter((s, i) => i === 0 || s !== statuses[i - 1]);
    expect(distinct).toEqual([null, 'DEFINED', 'PILOTING', 'SCALED']);
    expect(captures[0].impact.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(captures.map((c) => c.at)).toEqual(expect.arrayContaining(Object.values(story.moments)));

    for (const captured of captures) {
      const dashboards = await app.gql(DASHBOARDS, { ...IDS, asOf: captured.at });
      const impact = await app.gql(IMPACT, { team: IDS.team, asOf: captured.at });
      expect({ at: captured.at, dashboards, impact }).toEqual({
        at: captured.at,
        dashboards: captured.dashboards,
        impact: captured.impact,
      });
    }
  });

  it('answers every list, series, comparison, feedback and trail asOf each instant exactly as they were live then', async () => {
    expect(story.metricId).toBe(METRIC);
    const last = captures[captures.length - 1].others;
    // The story left something in every answer, so the comparisons below compare real figures.
    expect(last.metricSeries.data?.metricSeries).toHaveLength(4);
    expect(last.feedback.data?.feedback).toHaveLength(1);
    expect((last.decisions.data?.decisions as { totalCount: number }).totalCount).toBe(2);
    expect(captures[0].others.metricSeries.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const seriesLengths = captures.map(
      (c) => (c.others.metricSeries.data?.metricSeries as unknown[] | undefined)?.length,
    );
    expect(new Set(seriesLengths).size).toBeGreaterThan(2);

    for (const captured of captures) {
      expect({ at: captured.at, others: await others(captured.at) }).toEqual({
        at: captured.at,
        others: captured.others,
      });
    }
  });

  it('replays each decision with the evidence its maker saw, recomputed from the events before it', async () => {
    const events = await trail(story.channel);
    const { initiative } = await ok(
      app.gql<{ initiative: { decisions: Array<{ id: string; evidence: unknown[] }> } }>(
        `query($id: ID!) { initiative(id: $id) { decisions { id evidence { ${EVIDENCE} } } } }`,
        { id: story.channel },
      ),
    );
    for (const [decisionId, kind] of [
      [story.pivotDecisionId, 'PIVOT'],
      [story.scaleDecisionId, 'SCALE'],
    ]) {
      const { decisionReplay: replay } = await ok(app.gql<{ decisionReplay: any }>(REPLAY, { id: decisionId }));
      const recorded = events.find((e) => e.type === 'DecisionRecorded' && e.data.decisionId === decisionId)!;
      expect(replay.decision).toMatchObject({ id: decisionId, kind, decidedAt: recorded.occurredAt });
      expect(replay.evidenceMatches).toBe(true);
      expect(replay.recomputedEvidence).toEqual(replay.decision.evidence);
      expect(replay.decision.evidence).toEqual(initiative.decisions.find((d) => d.id === decisionId)!.evidence);
      expect(replay.decision.evidence).toHaveLength(1);
      expect(replay.eventsBefore).toBe(recorded.revision);
      expect(replay.initiativeBefore.version).toBe(recorded.revision);
      expect(replay.initiativeBefore.decisions.map((d: { id: string }) => d.id)).not.toContain(decisionId);

      // The last live capture before the decision saw the same facts (time-dependent figures aside).
      const before = [...captures].reverse().find((c) => c.at < recorded.occurredAt)!;
      const facts = (i: any) => ({
        status: i.status,
        version: i.version,
        hypothesis: i.hypothesis,
        decisions: i.decisions,
        iterations: i.iterations.map((it: any) => [it.number, it.outcome, it.completedAt, it.learnings]),
        metrics: i.metrics.map((m: any) => [m.id, m.latest, m.progress]),
        currentReach: i.currentReach,
      });
      expect(facts(replay.initiativeBefore)).toEqual(facts(before.dashboards.data!.channel));
    }
    const { decisionReplay: pivot } = await ok(app.gql<{ decisionReplay: any }>(REPLAY, { id: story.pivotDecisionId }));
    expect(pivot.initiativeBefore.hypothesis).toContain('prospecting on LinkedIn');
    expect(pivot.recomputedEvidence[0].latest).toBeCloseTo(11.5, 12);
  });

  it('lists the audit trail in order, page by page, with who and when', async () => {
    const all = await trail(story.channel);
    expect(all.map((e) => e.revision)).toEqual(all.map((_, i) => i));
    expect(all[0]).toMatchObject({ type: 'InitiativeProposed', actor: 'dana', occurredAt: STORY_START });
    expect(all.every((e) => e.commandId !== null)).toBe(true);
    const page = await ok(app.gql<{ auditTrail: any }>(TRAIL, { id: story.channel, first: 10 }));
    expect(page.auditTrail.totalCount).toBe(all.length);
    expect(page.auditTrail.pageInfo.hasNextPage).toBe(true);
    const next = await ok(
      app.gql<{ auditTrail: any }>(TRAIL, { id: story.channel, first: 10, after: page.auditTrail.pageInfo.endCursor }),
    );
    expect(next.auditTrail.edges.map((e: any) => e.node.revision)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('opens the audit queries to auditors and directors only', async () => {
    const auditor = await tokenFor('AUDITOR', 'ann', [story.teamId]);
    const viewer = await tokenFor('VIEWER', 'grafana', [story.teamId]);
    const verify = await app.gql(VERIFY, { id: story.channel }, { token: auditor });
    expect(verify.errors).toBeUndefined();
    for (const [query, variables] of [
      [VERIFY, { id: story.channel }],
      [REPLAY, { id: story.scaleDecisionId }],
      [TRAIL, { id: story.channel }],
    ] as const) {
      const denied = await app.gql(query, variables, { token: viewer });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('shows overdue iterations and analysis paralysis when asked asOf a future instant', async () => {
    // A later instant than every capture, so the earlier comparisons stay exact.
    await app.clock.advanceDays(1);
    const now = app.clock.now();
    const gql = <T>(query: string, variables: Record<string, unknown>) => ok<T>(app.gql<T>(query, variables));
    await gql(`mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`, {
      input: {
        initiativeId: 'shadowing',
        teamId: story.teamId,
        title: 'Call shadowing',
        problem: 'New reps stall',
        potentialReach: 2,
      },
    });
    await gql(`mutation($input: StateHypothesisInput!) { stateHypothesis(input: $input) { status } }`, {
      input: { initiativeId: 'shadowing', statement: 'We believe shadowing calls for new reps will shorten ramp-up' },
    });
    await gql(`mutation($input: DefineSuccessMetricInput!) { defineSuccessMetric(input: $input) { status } }`, {
      input: {
        initiativeId: 'shadowing',
        metricId: 'ramp',
        name: 'Days to first deal',
        unit: 'days',
        direction: 'DECREASE',
        baseline: 60,
        target: 45,
        cadence: 'MONTHLY',
        source: 'CRM',
      },
    });
    await gql(`mutation($input: LaunchPilotInput!) { launchPilot(input: $input) { status } }`, {
      input: { initiativeId: 'shadowing', ownerId: story.managers[2], participantIds: [story.ics[11]] },
    });
    await gql(`mutation($input: StartIterationInput!) { startIteration(input: $input) { version } }`, {
      input: { initiativeId: 'shadowing', change: 'Shadow two calls a day', plannedEndAt: plusDays(now, 7) },
    });
    await gql(`mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`, {
      input: {
        initiativeId: 'playbook',
        teamId: story.teamId,
        title: 'Playbook',
        problem: 'No shared plays',
        potentialReach: 5,
      },
    });

    const impact = (asOf: string | null) =>
      gql<{
        teamImpact: {
          overdue: Array<{ initiativeId: string; kind: string; since: string }>;
          analysisParalysis: string[];
        };
      }>(
        `query($team: ID!, $asOf: DateTime) { teamImpact(teamId: $team, asOf: $asOf) { overdue { initiativeId kind since } analysisParalysis } }`,
        { team: story.teamId, asOf },
      );
    const today = (await impact(null)).teamImpact;
    expect(today.overdue.map((o) => o.initiativeId)).not.toContain('shadowing');
    expect(today.analysisParalysis).not.toContain('playbook');

    const future = (await impact(plusDays(now, 22))).teamImpact;
    expect(future.overdue).toContainEqual({
      initiativeId: 'shadowing',
      kind: 'ITERATION_PAST_END',
      since: plusDays(now, 7),
    });
    expect(future.analysisParalysis).toEqual(expect.arrayContaining(['playbook', story.idle]));
    const { initiative } = await gql<{ initiative: { iterations: Array<{ overdue: boolean }> } }>(
      `query($id: ID!, $asOf: DateTime) { initiative(id: $id, asOf: $asOf) { iterations { overdue } } }`,
      { id: 'shadowing', asOf: plusDays(now, 8) },
    );
    expect(initiative.iterations).toEqual([{ overdue: true }]);
  });

  describe('the audit CLI', () => {
    it('prints the history of an initiative: who decided what, when, on which evidence', async () => {
      const events = await trail(story.channel);
      const { code, stdout } = await audit(app.dataDir, 'history', story.channel);
      expect(code).toBe(0);
      expect(stdout).toContain(`History of initiative ${story.channel}: ${events.length} events`);
      const lines = stdout.split('\n').filter((line) => /^\d{4}-\d\d-\d\d /.test(line));
      expect(lines).toHaveLength(events.length);
      expect(lines.map((line) => line.split(/\s+/)[4])).toEqual(events.map((e) => e.type));
      expect(stdout).toMatch(/dana decided PIVOT after iteration 1: "[^"]+"/);
      expect(stdout).toMatch(/dana decided SCALE after iteration 2: "[^"]+"\n\s+evidence: .*latest 15\.5.*\+5\.5/);
    });

    it('replays a decision with recorded and recomputed evidence', async () => {
      const { code, stdout } = await audit(app.dataDir, 'replay', story.scaleDecisionId);
      expect(code).toBe(0);
      expect(stdout).toContain(`Decision ${story.scaleDecisionId} on initiative ${story.channel}: SCALE by dana`);
      expect(stdout).toMatch(/The initiative just before the decision \(\d+ events\):\n\s+.*PILOTING/);
      const recorded = stdout.match(/Evidence recorded in the decision:\n(.*)\n/)![1];
      const recomputed = stdout.match(/Evidence recomputed from the replayed events:\n(.*)\n/)![1];
      expect(recorded).toContain('latest 15.5');
      expect(recomputed).toBe(recorded);
      expect(stdout).toContain('Evidence matches: yes');
    });

    it('verifies an intact chain, and refuses bad usage and unknown ids with exit code 2', async () => {
      const events = await trail(story.channel);
      const intact = await audit(app.dataDir, 'verify', story.channel);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toContain(`VALID, ${events.length} events`);
      const usage = await audit(app.dataDir, 'verify');
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(
        /^audit: expected a command \(history, replay or verify\) and one id, got "verify"\nusage:/,
      );
      const unknown = await audit(app.dataDir, 'history', 'nope');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr.trim()).toBe('audit: no initiative "nope" in the event store');
      const noStore = await audit(join(app.dataDir, 'missing'), 'verify', story.channel);
      expect(noStore.code).toBe(2);
      expect(noStore.stderr).toMatch(/^audit: no event store at .*pilotlog\.sqlite; set DATA_DIR/);
    });
  });

  describe('tamper evidence', () => {
    const sqlite = () => new Database(join(app.dataDir, 'pilotlog.sqlite'));
    const restart = async () => {
      await app.stop();
      app = await startTestApp({ clockStart: app.clock.now(), token, dataDir: app.dataDir });
    };

    it('finds an intact chain valid', async () => {
      const events = await trail(story.channel);
      const { verifyAuditTrail } = await ok(app.gql<{ verifyAuditTrail: unknown }>(VERIFY, { id: story.channel }));
      expect(verifyAuditTrail).toEqual({
        initiativeId: story.channel,
        valid: true,
        checkedEvents: events.length,
        firstBrokenVersion: null,
      });
    });

    it('reports the version of an event whose stored data was altered, and the replay no longer matches', async () => {
      const events = await trail(story.channel);
      const measurement = events.find(
        (e) => e.type === 'MeasurementRecorded' && e.data.iteration === 1 && e.data.participantId === story.ics[3],
      )!;
      await app.stop();
      const db = sqlite();
      try {
        const row = db
          .prepare('SELECT data FROM events WHERE stream_id = ? AND revision = ?')
          .get(`initiative-${story.channel}`, measurement.revision) as { data: string };
        const data = JSON.parse(row.data) as { value: number };
        expect(data.value).toBe(13);
        const changed = db
          .prepare('UPDATE events SET data = ? WHERE stream_id = ? AND revision = ?')
          .run(JSON.stringify({ ...data, value: 19 }), `initiative-${story.channel}`, measurement.revision);
        expect(changed.changes).toBe(1);
      } finally {
        db.close();
      }
      await restart();

      const { verifyAuditTrail } = await ok(app.gql<{ verifyAuditTrail: unknown }>(VERIFY, { id: story.channel }));
      expect(verifyAuditTrail).toEqual({
        initiativeId: story.channel,
        valid: false,
        checkedEvents: measurement.revision + 1,
        firstBrokenVersion: measurement.revision + 1,
      });
      const { decisionReplay } = await ok(
        app.gql<{ decisionReplay: { evidenceMatches: boolean } }>(REPLAY, { id: story.pivotDecisionId }),
      );
      expect(decisionReplay.evidenceMatches).toBe(false);
      const other = await ok(app.gql<{ verifyAuditTrail: { valid: boolean } }>(VERIFY, { id: story.delegated }));
      expect(other.verifyAuditTrail.valid).toBe(true);

      const cli = await audit(app.dataDir, 'verify', story.channel);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain(`version ${measurement.revision + 1}`);
      const replay = await audit(app.dataDir, 'replay', story.pivotDecisionId);
      expect(replay.stdout).toMatch(/Evidence matches: NO, the recorded evidence differs/);
    });

    it('reports the earliest altered event when the metadata of an earlier one is changed too', async () => {
      await app.stop();
      const db = sqlite();
      try {
        const row = db
          .prepare('SELECT metadata FROM events WHERE stream_id = ? AND revision = 2')
          .get(`initiative-${story.channel}`) as { metadata: string };
        db.prepare('UPDATE events SET metadata = ? WHERE stream_id = ? AND revision = 2').run(
          JSON.stringify({ ...JSON.parse(row.metadata), actor: 'mallory' }),
          `initiative-${story.channel}`,
        );
      } finally {
        db.close();
      }
      await restart();
      const { verifyAuditTrail } = await ok(app.gql<{ verifyAuditTrail: unknown }>(VERIFY, { id: story.channel }));
      expect(verifyAuditTrail).toMatchObject({ valid: false, checkedEvents: 3, firstBrokenVersion: 3 });
    });
  });
});
