import { CONTROL_ITERATION_2, loadStory, ok, PILOT_ITERATION_2, Story, STORY_START } from './support/story';
import { startTestApp, TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const TEAM_IMPACT = `query($teamId: ID!, $asOf: DateTime) {
  teamImpact(teamId: $teamId, asOf: $asOf) {
    teamId asOf headcount reachedMembers coverage activeInitiatives
    initiativesByStatus { status count }
    hypothesisHitRate medianDaysToDecision
    overdue { initiativeId iteration kind since }
    analysisParalysis
  }
}`;

const INITIATIVE = `query($id: ID!, $asOf: DateTime) {
  initiative(id: $id, asOf: $asOf) {
    id teamId title status version hypothesis proposedBy currentReach ownerId participantIds controlIds
    hypothesisRevisions { statement previous decisionId }
    impact { potentialReach headcount share recommendation }
    metrics { id name baseline target latest progress onTrack kind }
    iterations { number outcome overdue completedAt plannedEndAt }
    decisions { id kind rationale decidedBy iteration evidence { metricId latest progress comparison { difference pValue } } }
  }
}`;

const DAY = 86_400_000;

describe('the reference story over real HTTP', () => {
  let app: TestApp;
  let story: Story;
  beforeAll(async () => {
    app = await startTestApp({ clockStart: STORY_START, token: await tokenFor('DIRECTOR', 'dana') });
    story = await loadStory(app, app.clock);
  });
  afterAll(() => app.destroy());

  it('reports every team-impact figure', async () => {
    const { teamImpact } = await ok(
      app.gql<{ teamImpact: Record<string, unknown> }>(TEAM_IMPACT, { teamId: story.teamId }),
    );
    const byStatus = Object.fromEntries(
      (teamImpact.initiativesByStatus as Array<{ status: string; count: number }>).map((s) => [s.status, s.count]),
    );
    expect(teamImpact).toMatchObject({
      teamId: story.teamId,
      headcount: 23,
      reachedMembers: 23,
      coverage: 1,
      activeInitiatives: 1,
      hypothesisHitRate: 0.5,
      analysisParalysis: [story.idle],
    });
    expect(byStatus).toEqual({ PROPOSED: 1, DEFINED: 0, PILOTING: 1, SCALED: 1, STOPPED: 0 });
    const launchToScale = (Date.parse(story.moments.afterScale) - Date.parse(story.moments.afterLaunch)) / DAY;
    expect(teamImpact.medianDaysToDecision).toBeCloseTo(launchToScale, 9);
    expect(teamImpact.overdue).toEqual([
      expect.objectContaining({ initiativeId: story.delegated, iteration: 1, kind: 'ITERATION_PAST_END' }),
    ]);
  });

  it('serves the scaled initiative with its pivot, metric progress and decision evidence', async () => {
    const { initiative } = await ok(app.gql<{ initiative: Record<string, any> }>(INITIATIVE, { id: story.channel }));
    expect(initiative).toMatchObject({
      status: 'SCALED',
      version: expect.any(Number),
      proposedBy: 'dana',
      currentReach: 23,
      impact: { potentialReach: 20, headcount: 23, recommendation: 'DIRECTOR_LED' },
      hypothesis: expect.stringContaining('voice notes'),
    });
    expect(initiative.impact.share).toBe(0.8696);
    expect(initiative.hypothesisRevisions).toHaveLength(1);
    expect(initiative.hypothesisRevisions[0].previous).toContain('prospecting on LinkedIn');
    const [metric] = initiative.metrics;
    expect(metric.latest).toBe(15.5);
    expect(metric.progress).toBe(1.1);
    expect(initiative.iterations.map((it: { outcome: string }) => it.outcome)).toEqual(['INCONCLUSIVE', 'VALIDATED']);
    expect(initiative.decisions.map((d: { kind: string }) => d.kind)).toEqual(['PIVOT', 'SCALE']);
    const scale = initiative.decisions[1];
    expect(scale).toMatchObject({ decidedBy: 'dana', iteration: 2 });
    expect(scale.evidence[0].latest).toBe(15.5);
    expect(scale.evidence[0].comparison.difference).toBe(5.5);
  });

  it('compares the cohorts of an iteration with Welch statistics', async () => {
    const { cohortComparison } = await ok(
      app.gql<{ cohortComparison: Record<string, any> }>(
        `query($i: ID!, $m: ID!) { cohortComparison(initiativeId: $i, metricId: $m, iteration: 2) {
          metricId iteration pilot { n mean sd } control { n mean sd } difference ciLow ciHigh pValue } }`,
        { i: story.channel, m: story.metricId },
      ),
    );
    expect(cohortComparison.pilot).toEqual({ n: 4, mean: 15.5, sd: expect.any(Number) });
    // Derived figures are rounded to 4 decimals: sqrt(5/3) = 1.29099…, sqrt(2/3) = 0.81649…
    expect(cohortComparison.pilot.sd).toBe(1.291);
    expect(cohortComparison.control.mean).toBe(10);
    expect(cohortComparison.control.sd).toBe(0.8165);
    expect(cohortComparison.difference).toBe(5.5);
    expect(cohortComparison.ciLow).toBeLessThan(5.5);
    expect(cohortComparison.ciHigh).toBeGreaterThan(5.5);
    expect(cohortComparison.ciLow + cohortComparison.ciHigh).toBeCloseTo(11, 3);
    expect(cohortComparison.pValue).toBeGreaterThan(0);
    expect(cohortComparison.pValue).toBeLessThan(0.01);
  });

  it('serves the metric series per period and cohort, oldest first', async () => {
    const { metricSeries } = await ok(
      app.gql<{ metricSeries: Array<Record<string, unknown>> }>(
        `query($i: ID!, $m: ID!) { metricSeries(initiativeId: $i, metricId: $m) { periodStart cohort iteration n mean min max } }`,
        { i: story.channel, m: story.metricId },
      ),
    );
    expect(metricSeries.map((p) => [p.periodStart, p.cohort, p.iteration, p.n])).toEqual([
      ['2026-01-12T00:00:00.000Z', 'CONTROL', 1, 4],
      ['2026-01-12T00:00:00.000Z', 'PILOT', 1, 4],
      ['2026-01-26T00:00:00.000Z', 'CONTROL', 2, 4],
      ['2026-01-26T00:00:00.000Z', 'PILOT', 2, 4],
    ]);
    expect(metricSeries[3]).toMatchObject({ mean: 15.5, min: Math.min(...PILOT_ITERATION_2), max: 17 });
    expect(metricSeries[2]).toMatchObject({ mean: 10, min: Math.min(...CONTROL_ITERATION_2) });
    const pilotOnly = await ok(
      app.gql<{ metricSeries: unknown[] }>(
        `query($i: ID!, $m: ID!) { metricSeries(initiativeId: $i, metricId: $m, cohort: PILOT) { cohort } }`,
        { i: story.channel, m: story.metricId },
      ),
    );
    expect(pilotOnly.metricSeries).toHaveLength(2);
  });

  it('lists initiatives and decisions as Relay connections with filters', async () => {
    const page1 = await ok(
      app.gql<{ initiatives: any }>(
        `query($f: InitiativeFilter) { initiatives(filter: $f, first: 2) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { f: { teamId: story.teamId } },
      ),
    );
    expect(page1.initiatives.totalCount).toBe(3);
    expect(page1.initiatives.edges.map((e: any) => e.node.id)).toEqual([story.channel, story.delegated]);
    const page2 = await ok(
      app.gql<{ initiatives: any }>(
        `query($a: String) { initiatives(first: 2, after: $a) { edges { node { id } } pageInfo { hasNextPage } } }`,
        {
          a: page1.initiatives.pageInfo.endCursor,
        },
      ),
    );
    expect(page2.initiatives.edges.map((e: any) => e.node.id)).toEqual([story.idle]);
    expect(page2.initiatives.pageInfo.hasNextPage).toBe(false);
    const piloting = await ok(
      app.gql<{ initiatives: any }>(
        `{ initiatives(filter: { status: PILOTING }) { totalCount edges { node { id ownerId } } } }`,
      ),
    );
    expect(piloting.initiatives.edges).toEqual([{ node: { id: story.delegated, ownerId: story.managers[1] } }]);

    const decisions = await ok(
      app.gql<{ decisions: any }>(
        `{ decisions(filter: { kind: SCALE }) { totalCount edges { node { id kind initiativeId } } } }`,
      ),
    );
    expect(decisions.decisions).toEqual({
      totalCount: 1,
      edges: [{ node: { id: story.scaleDecisionId, kind: 'SCALE', initiativeId: story.channel } }],
    });
  });

  it('shows the delegated initiative and the portfolio', async () => {
    const { initiative } = await ok(app.gql<{ initiative: any }>(INITIATIVE, { id: story.delegated }));
    expect(initiative.impact.recommendation).toBe('DELEGATE_TO_MANAGER');
    expect(initiative.currentReach).toBe(3);
    expect(initiative.iterations[0].overdue).toBe(true);
    const { portfolioImpact } = await ok(
      app.gql<{ portfolioImpact: any }>(`{ portfolioImpact { headcount reachedMembers coverage teams { teamId } } }`),
    );
    expect(portfolioImpact).toMatchObject({
      headcount: 23,
      reachedMembers: 23,
      coverage: 1,
      teams: [{ teamId: story.teamId }],
    });
  });

  it('lists feedback oldest first', async () => {
    const { feedback } = await ok(
      app.gql<{ feedback: any[] }>(`query($i: ID!) { feedback(initiativeId: $i) { authorId kind text } }`, {
        i: story.channel,
      }),
    );
    expect(feedback).toEqual([{ authorId: story.ics[0], kind: 'PRAISE', text: 'Voice notes feel natural' }]);
  });
});
