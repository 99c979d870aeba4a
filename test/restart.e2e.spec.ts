import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pilotlogEventStore, upcastEvent } from '../src/event-catalog';
import { SqliteEventStore } from '../src/shared/event-store/sqlite/sqlite-event-store';
import { ProjectionSet } from '../src/shared/projections/projection';
import { ProjectionRunner } from '../src/shared/projections/projection-runner';
import { EVERY_READ_MODEL } from './support/read-models';
import { loadStory, ok, Story, STORY_START } from './support/story';
import { startTestApp, TestApp, waitUntilReady } from './support/test-app';
import { tokenFor } from './support/tokens';
const EVERY_DASHBOARD = `query($team: ID!, $i: ID!, $d: ID!, $m: ID!) {
  teams { id version headcount members { id role managerId } }
  teamImpact(teamId: $team) { headcount reachedMembers coverage activeInitiatives initiativesByStatus { status count }
    hypothesisHitRate medianDaysToDecision overdue { initiativeId kind since } analysisParalysis }
  portfolioImpact { headcount coverage }
  initiatives(first: 10) { totalCount edges { cursor node { id status version currentReach
    metrics { latest progress onTrack } iterations { number overdue } decisions { id evidence { progress comparison { pValue } } } } } }
  initiative(id: $i) { hypothesis hypothesisRevisions { statement } }
  decisions { totalCount edges { node { id kind } } }
  metricSeries(initiativeId: $i, metricId: $m) { periodStart cohort mean }
  cohortComparison(initiativeId: $i, metricId: $m, iteration: 1) { difference ciLow ciHigh pValue }
  feedback(initiativeId: $i) { text }
  decisionReplay(decisionId: $d) { evidenceMatches eventsBefore }
}`;

describe('restarting and rebuilding', () => {
  let first: TestApp;
  let story: Story;
  let token: string;

  beforeAll(async () => {
    token = await tokenFor('DIRECTOR', 'dana');
    first = await startTestApp({ clockStart: STORY_START, token });
    story = await loadStory(first, first.clock);
  });
  afterAll(async () => {
    await first.stop();
    rmSync(first.dataDir, { recursive: true, force: true });
  });

  it('rebuilds below exactly the read models the service keeps', async () => {
    const ready = (await (await fetch(`${first.baseUrl}/ready`)).json()) as { readModels: string[] };
    expect([...ready.readModels].sort()).toEqual(EVERY_READ_MODEL.map((p) => p.name).sort());
  });

  it('answers every query identically after a restart on the same DATA_DIR', async () => {
    const variables = { team: story.teamId, i: story.channel, d: story.scaleDecisionId, m: story.metricId };
    const before = await ok(first.gql(EVERY_DASHBOARD, variables));
    const stoppedAt = ((await (await fetch(`${first.baseUrl}/ready`)).json()) as { position: string }).position;
    await first.stop();

    // From the read models saved at shutdown: only the log after their checkpoint is read.
    const second = await startTestApp({ clockStart: first.clock.now(), token, dataDir: first.dataDir });
    try {
      await waitUntilReady(second.baseUrl);
      const ready = (await (await fetch(`${second.baseUrl}/ready`)).json()) as { startedFrom: string | null };
      expect(ready.startedFrom).toBe(stoppedAt);
      expect(await ok(second.gql(EVERY_DASHBOARD, variables))).toEqual(before);
    } finally {
      await second.stop();
    }

    // And folded from the first event, with saved read models turned off.
    const third = await startTestApp({
      clockStart: first.clock.now(),
      token,
      dataDir: first.dataDir,
      env: { READ_MODEL_SNAPSHOT_EVENTS: '0' },
    });
    try {
      await waitUntilReady(third.baseUrl);
      const ready = (await (await fetch(`${third.baseUrl}/ready`)).json()) as { startedFrom: string | null };
      expect(ready.startedFrom).toBeNull();
      expect(await ok(third.gql(EVERY_DASHBOARD, variables))).toEqual(before);
    } finally {
      await third.stop();
    }
    // Three starts of the service, one after the other.
  }, 120_000);

  it('builds the same read models live, one append at a time, as by folding the whole log from position zero', async () => {
    const stored = new SqliteEventStore({ filename: join(first.dataDir, 'pilotlog.sqlite') });
    const live = new SqliteEventStore({ filename: ':memory:' });
    const runner = new ProjectionRunner(pilotlogEventStore(live), EVERY_READ_MODEL);
    try {
      const events = await stored.readAll();
      expect(events.length).toBeGreaterThan(50);
      runner.start();
      await runner.caughtUp();
      for (const event of events) {
        const { position } = await live.append(
          event.streamId,
          [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }],
          event.revision,
        );
        await runner.waitFor(position, 5000);
      }
      const rebuilt = ProjectionSet.fold(EVERY_READ_MODEL, events.map(upcastEvent));
      expect(snapshotOf(runner.set)).toEqual(snapshotOf(rebuilt));
    } finally {
      await runner.stop();
      await live.close();
      await stored.close();
    }
  });
});

function snapshotOf(set: ProjectionSet): Record<string, unknown> {
  return Object.fromEntries(set.projections.map((p) => [p.name, Object.fromEntries(set.of(p))]));
}
