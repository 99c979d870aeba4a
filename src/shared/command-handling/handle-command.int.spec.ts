import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaVersionOf, upcastEvent } from '../../event-versions';
import { InitiativeCommand } from '../../initiatives/domain/initiative.commands';
import { decideInitiative } from '../../initiatives/domain/initiative.decide';
import { InitiativeEvent, initiativeStreamId } from '../../initiatives/domain/initiative.events';
import { evolveInitiative, initialInitiativeState, InitiativeState } from '../../initiatives/domain/initiative.state';
import { TeamSnapshot } from '../../teams/domain/team.state';
import { ConcurrencyError } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { CommandHandlingDependencies, Decider, handleCommand, loadState } from './handle-command';

const decider: Decider<InitiativeCommand, InitiativeState, InitiativeEvent> = {
  initialState: () => initialInitiativeState,
  evolve: evolveInitiative,
  decide: decideInitiative,
};

const team: TeamSnapshot = {
  teamId: 'team-1',
  headcount: 4,
  impactThreshold: 0.5,
  paralysisLimitDays: 21,
  members: new Map([
    ['m1', 'MANAGER'],
    ['i1', 'IC'],
    ['i2', 'IC'],
    ['i3', 'IC'],
  ]),
} as unknown as TeamSnapshot;

const NOW = '2026-03-02T09:00:00.000Z';

describe('command handling on the real SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let deps: CommandHandlingDependencies;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pilotlog-commands-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    deps = { store, upcast: upcastEvent, schemaVersionOf };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const propose = (initiativeId: string): InitiativeCommand => ({
    type: 'ProposeInitiative',
    initiativeId,
    team,
    title: 'Try a new channel',
    problem: 'Reply rates fall',
    potentialReach: 3,
    actor: 'dana',
    now: NOW,
  });
  const hypothesis = (statement: string): InitiativeCommand => ({ type: 'StateHypothesis', statement, now: NOW });

  it('appends once for a retried commandId and answers as the first time', async () => {
    const streamId = initiativeStreamId('a');
    const meta = { actor: 'dana', now: NOW, commandId: 'propose-a' };
    const first = await handleCommand(deps, streamId, decider, propose('a'), meta);
    const retry = await handleCommand(deps, streamId, decider, propose('a'), meta);
    expect(first.appended).toBe(2);
    expect(retry).toMatchObject({ appended: 0, version: first.version, position: first.position });
    const stored = await store.readStream(streamId);
    expect(stored).toHaveLength(2);
    expect(stored[0].metadata).toMatchObject({
      actor: 'dana',
      commandId: 'propose-a',
      occurredAt: NOW,
      schemaVersion: 1,
    });
  });

  it('lets exactly one of two concurrent commands on one expected version win', async () => {
    const streamId = initiativeStreamId('b');
    const { version } = await handleCommand(deps, streamId, decider, propose('b'), { actor: 'dana', now: NOW });
    const results = await Promise.allSettled(
      ['first', 'second'].map((s) =>
        handleCommand(deps, streamId, decider, hypothesis(`We believe ${s}`), {
          actor: 'dana',
          now: NOW,
          expectedVersion: version,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(streamId)).toHaveLength(version + 1);
  });

  it('retries a clash on fresh state when the client gave no expected version', async () => {
    const streamId = initiativeStreamId('c');
    await handleCommand(deps, streamId, decider, propose('c'), { actor: 'dana', now: NOW });
    const results = await Promise.all(
      ['first', 'second'].map((s) =>
        handleCommand(deps, streamId, decider, hypothesis(`We believe ${s}`), { actor: 'dana', now: NOW }),
      ),
    );
    expect(results.map((r) => r.appended)).toEqual([1, 1]);
    expect(await store.readStream(streamId)).toHaveLength(4);
  });

  it('reads an old SuccessMetricDefined (schema 1, no kind) as a primary metric', async () => {
    const streamId = initiativeStreamId('d');
    await handleCommand(deps, streamId, decider, propose('d'), { actor: 'dana', now: NOW });
    await handleCommand(deps, streamId, decider, hypothesis('We believe it helps'), { actor: 'dana', now: NOW });
    await store.append(
      streamId,
      [
        {
          id: '00000000-0000-4000-8000-000000000001',
          type: 'SuccessMetricDefined',
          data: {
            initiativeId: 'd',
            metricId: 'm',
            name: 'Replies',
            unit: 'replies',
            direction: 'INCREASE',
            baseline: 1,
            target: 2,
            cadence: 'WEEKLY',
            source: 'CRM',
          },
          metadata: { actor: 'dana', occurredAt: NOW, schemaVersion: 1 },
        },
      ],
      3,
    );
    const [stored] = await store.readStream(streamId, { fromRevision: 3 });
    expect(stored.data.kind).toBeUndefined();
    expect(upcastEvent(stored).data.kind).toBe('PRIMARY');
    const { state } = await loadState(deps, streamId, decider);
    expect(state.status).toBe('DEFINED');
  });
});
