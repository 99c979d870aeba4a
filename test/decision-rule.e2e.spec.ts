import { ok } from './support/story';
import { startTestApp, TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const START = '2026-03-02T09:00:00.000Z';
const PILOT = ['r-p1', 'r-p2', 'r-p3', 'r-p4'];
const CONTROL = ['r-c1', 'r-c2', 'r-c3', 'r-c4'];
const CLEAR_WIN = { pilot: [15, 16, 14, 17], control: [10, 11, 9, 10] };

const RULE_VIEW = `query($id: ID!, $pilotSize: Int, $controlSize: Int) {
  initiative(id: $id) {
    status
    metrics { id minimumEffect maximumHarm confidence baselineSpread }
    decisionRule { version since decisionId metrics { metricId kind minimumEffect maximumHarm confidence } }
    decisionRules { version decisionId }
    designCheck(pilotSize: $pilotSize, controlSize: $controlSize) {
      pilotSize controlSize confidence smallestPossiblePValue canReachConfidence minimumDetectableEffect warnings
      metrics { metricId spread spreadSource minimumDetectableEffect canReachConfidence }
    }
    iterations { number ruleVersion recommendation { kind reasons } }
    decisions { id kind followsRule evidenceVersion recommendation { kind } rule { version }
      evidence { comparison { pilot { n readings } permutationPValue permutationMethod permutations } } }
  }
}`;

const REPLAY = `query($id: ID!) { decisionReplay(decisionId: $id) {
  evidenceMatches
  decision { kind followsRule recommendation { kind reasons } rule { version metrics { minimumEffect } } }
  recomputedRecommendation { kind reasons }
  recomputedRule { version metrics { minimumEffect } }
  initiativeBefore { iterations { recommendation { kind } } }
} }`;

describe('decisions by a rule written before launch, over real HTTP', () => {
  let app: TestApp;
  const gql = <T = any>(query: string, variables: Record<string, unknown> = {}) => ok<T>(app.gql<T>(query, variables));

  beforeAll(async () => {
    app = await startTestApp({ clockStart: START, token: await tokenFor('DIRECTOR', 'dana') });
    await gql(`mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { id } }`, {
      input: { teamId: 'rules', name: 'Rules team' },
    });
    const add = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { version } }`;
    await gql(add, { input: { teamId: 'rules', memberId: 'r-mgr', name: 'Manager', role: 'MANAGER' } });
    for (const id of [...PILOT, ...CONTROL]) {
      await gql(add, { input: { teamId: 'rules', memberId: id, name: id, role: 'IC', managerId: 'r-mgr' } });
    }
  });
  afterAll(() => app.destroy());

  /** An initiative with a written rule through launch and one completed iteration. */
  async function pilotWithRule(initiativeId: string, readings = CLEAR_WIN): Promise<void> {
    await gql(`mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`, {
      input: {
        initiativeId,
        teamId: 'rules',
        title: `Voice notes ${initiativeId}`,
        problem: 'Replies fall',
        potentialReach: 8,
      },
    });
    await gql(`mutation($input: StateHypothesisInput!) { stateHypothesis(input: $input) { status } }`, {
      input: { initiativeId, statement: 'We believe voice notes will engage more customers' },
    });
    await gql(`mutation($input: DefineSuccessMetricInput!) { defineSuccessMetric(input: $input) { status } }`, {
      input: {
        initiativeId,
        metricId: 'engaged',
        name: 'Customers engaged per week',
        unit: 'customers',
        direction: 'INCREASE',
        baseline: 10,
        target: 15,
        cadence: 'WEEKLY',
        source: 'CRM',
        minimumEffect: 2,
        confidence: 0.95,
        baselineSpread: 1.5,
      },
    });
    await gql(`mutation($input: LaunchPilotInput!) { launchPilot(input: $input) { status } }`, {
      input: { initiativeId, ownerId: 'r-mgr', participantIds: PILOT, controlIds: CONTROL },
    });
    await app.clock.advanceDays(1);
    await gql(`mutation($input: StartIterationInput!) { startIteration(input: $input) { version } }`, {
      input: {
        initiativeId,
        change: 'Voice notes after each call',
        plannedEndAt: new Date(Date.parse(app.clock.now()) + 14 * 86_400_000).toISOString(),
      },
    });
    // The week the iteration starts: a period after the launch, so the readings are pilot readings.
    const periodStart = app.clock.now().slice(0, 10);
    const measure = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { version } }`;
    for (const [cohort, people, values] of [
      ['PILOT', PILOT, readings.pilot],
      ['CONTROL', CONTROL, readings.control],
    ] as const) {
      for (const [i, value] of values.entries()) {
        await gql(measure, {
          input: {
            initiativeId,
            metricId: 'engaged',
            value,
            periodStart,
            cohort,
            participantId: people[i],
          },
        });
      }
    }
    await app.clock.advanceDays(14);
    await gql(`mutation($input: CompleteIterationInput!) { completeIteration(input: $input) { version } }`, {
      input: { initiativeId, outcome: 'VALIDATED', learnings: 'Voice notes get answers' },
    });
  }

  const decide = (input: Record<string, unknown>) =>
    app.gql<{ recordDecision: { decisions: Array<{ id: string; followsRule: boolean | null }> } }>(
      `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { decisions { id followsRule } } }`,
      { input },
    );

  it('shows the rule, the design check and the recommendation, then records a decision that follows it, replayed exactly', async () => {
    await pilotWithRule('follows');
    const { initiative } = await gql(RULE_VIEW, { id: 'follows' });
    expect(initiative.decisionRule).toEqual({
      version: 1,
      since: expect.any(String),
      decisionId: null,
      metrics: [{ metricId: 'engaged', kind: 'PRIMARY', minimumEffect: 2, maximumHarm: null, confidence: 0.95 }],
    });
    expect(initiative.designCheck).toMatchObject({
      pilotSize: 4,
      controlSize: 4,
      confidence: 0.95,
      canReachConfidence: true,
      metrics: [{ metricId: 'engaged', spread: 1.5, spreadSource: 'STATED', canReachConfidence: true }],
    });
    // 2 / 70, to 4 significant digits.
    expect(initiative.designCheck.smallestPossiblePValue).toBe(0.02857);
    expect(initiative.iterations).toEqual([
      {
        number: 1,
        ruleVersion: 1,
        recommendation: { kind: 'SCALE', reasons: expect.arrayContaining([expect.stringContaining('p = 0.029')]) },
      },
    ]);

    const decided = await ok(decide({ initiativeId: 'follows', kind: 'SCALE', rationale: 'As the rule says' }));
    const [decision] = decided.recordDecision.decisions;
    expect(decision.followsRule).toBe(true);

    const after = (await gql(RULE_VIEW, { id: 'follows' })).initiative;
    expect(after.decisions[0]).toMatchObject({
      kind: 'SCALE',
      followsRule: true,
      evidenceVersion: 2,
      recommendation: { kind: 'SCALE' },
      rule: { version: 1 },
      evidence: [
        {
          comparison: {
            pilot: { n: 4, readings: 4 },
            permutationMethod: 'EXACT',
            permutations: 70,
          },
        },
      ],
    });
    expect(after.decisions[0].evidence[0].comparison.permutationPValue).toBe(0.02857);

    const { decisionReplay } = await gql(REPLAY, { id: decision.id });
    expect(decisionReplay.evidenceMatches).toBe(true);
    expect(decisionReplay.recomputedRecommendation).toEqual(decisionReplay.decision.recommendation);
    expect(decisionReplay.recomputedRule).toEqual(decisionReplay.decision.rule);
    expect(decisionReplay.initiativeBefore.iterations[0].recommendation.kind).toBe('SCALE');
  });

  it('refuses an override without a reason, records one with it, and replays it exactly', async () => {
    await pilotWithRule('overrides');
    const terse = await decide({
      initiativeId: 'overrides',
      kind: 'PIVOT',
      rationale: 'Not yet',
      revisedHypothesis: 'We believe voice notes sent by managers will engage more customers',
    });
    expect(terse.errors?.[0].extensions).toMatchObject({
      code: 'DOMAIN_RULE',
      rule: 'OverrideNeedsRationale',
      field: 'rationale',
    });

    const overridden = await ok(
      decide({
        initiativeId: 'overrides',
        kind: 'PIVOT',
        rationale: 'Two reps were on holiday in the control cohort; try a stricter test',
        revisedHypothesis: 'We believe voice notes sent by managers will engage more customers',
        revisedRule: [{ metricId: 'engaged', minimumEffect: 3, confidence: 0.9 }],
      }),
    );
    const [decision] = overridden.recordDecision.decisions;
    expect(decision.followsRule).toBe(false);

    const { initiative } = await gql(RULE_VIEW, { id: 'overrides', pilotSize: 3, controlSize: 3 });
    expect(initiative.decisionRules).toEqual([
      { version: 1, decisionId: null },
      { version: 2, decisionId: decision.id },
    ]);
    expect(initiative.decisionRule.metrics[0]).toMatchObject({ minimumEffect: 3, confidence: 0.9 });
    expect(initiative.decisions[0]).toMatchObject({ followsRule: false, recommendation: { kind: 'SCALE' } });
    // A planned 3 vs 3 design reaches the restated 90%, not more.
    expect(initiative.designCheck).toMatchObject({
      pilotSize: 3,
      controlSize: 3,
      confidence: 0.9,
      canReachConfidence: true,
    });

    const { decisionReplay } = await gql(REPLAY, { id: decision.id });
    expect(decisionReplay).toMatchObject({
      evidenceMatches: true,
      decision: { kind: 'PIVOT', followsRule: false, rule: { version: 1, metrics: [{ minimumEffect: 2 }] } },
      recomputedRule: { version: 1, metrics: [{ minimumEffect: 2 }] },
      recomputedRecommendation: { kind: 'SCALE' },
    });

    const { teamImpact } = await gql(`{ teamImpact(teamId: "rules") { ruleOverrideRate } }`);
    expect(teamImpact.ruleOverrideRate).toBe(0.5);
  });

  it('refuses a rule that does not fit its metric, appending nothing', async () => {
    await gql(`mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`, {
      input: { initiativeId: 'badrule', teamId: 'rules', title: 'Bad rule', problem: 'p', potentialReach: 2 },
    });
    const refused = await app.gql(
      `mutation($input: DefineSuccessMetricInput!) { defineSuccessMetric(input: $input) { version } }`,
      {
        input: {
          initiativeId: 'badrule',
          name: 'Complaints',
          unit: 'complaints',
          direction: 'DECREASE',
          baseline: 2,
          target: 1,
          cadence: 'WEEKLY',
          source: 'Support',
          kind: 'GUARDRAIL',
          minimumEffect: 1,
        },
      },
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'DOMAIN_RULE', rule: 'MinimumEffectOnlyForPrimary' });
    const { initiative } = await gql(
      `{ initiative(id: "badrule") { version metrics { id } designCheck { pilotSize } } }`,
    );
    expect(initiative).toEqual({ version: 2, metrics: [], designCheck: null });
  });
});
