import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pilotlogEventStore, upcastEvent } from '../../event-catalog';
import { decideInitiative, InitiativeCommand, initiativeDecider } from '../../initiatives/domain/initiative.decide';
import { initiativeStreamId } from '../../initiatives/domain/initiative.events';
import { InitiativeState } from '../../initiatives/domain/initiative.state';
import { TeamSnapshot } from '../../teams/domain/team.state';
import { ConcurrencyError } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { eventMetadata } from '../testing/metadata';
import { CommandHandlingDependencies, CommandMetadata, handleCommand, loadState } from './handle-command';
import { StreamStateCache } from './stream-state-cache';

/** A command through the write path, on the initiative aggregate. */
function send(
  deps: CommandHandlingDependencies,
  streamId: string,
  command: InitiativeCommand,
  meta: CommandMetadata<InitiativeState>,
) {
  return handleCommand(deps, streamId, initiativeDecider, (state) => decideInitiative(command, state), meta);
}

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

describe.each([
  ['folding whole streams', () => undefined],
  ['starting from the folded-state cache', () => new StreamStateCache()],
])('command handling on the real SQLite store, %s', (_name, makeCache) => {
  let dir: string;
  let store: SqliteEventStore;
  let deps: CommandHandlingDependencies;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pilotlog-commands-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    deps = { store: pilotlogEventStore(store), cache: makeCache() };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends once for a retried commandId and answers as the first time', async () => {
    const streamId = initiativeStreamId('a');
    const meta = { actor: 'dana', now: NOW, commandId: 'propose-a' };
    const first = await send(deps, streamId, propose('a'), meta);
    const retry = await send(deps, streamId, propose('a'), meta);
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
    const { version } = await send(deps, streamId, propose('b'), { actor: 'dana', now: NOW });
    const results = await Promise.allSettled(
      ['first', 'second'].map((s) =>
        send(deps, streamId, hypothesis(`We believe ${s}`), {
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
    await send(deps, streamId, propose('c'), { actor: 'dana', now: NOW });
    const results = await Promise.all(
      ['first', 'second'].map((s) => send(deps, streamId, hypothesis(`We believe ${s}`), { actor: 'dana', now: NOW })),
    );
    expect(results.map((r) => r.appended)).toEqual([1, 1]);
    expect(await store.readStream(streamId)).toHaveLength(4);
  });

  it('reads an old SuccessMetricDefined (schema 1, no kind) as a primary metric', async () => {
    const streamId = initiativeStreamId('d');
    await send(deps, streamId, propose('d'), { actor: 'dana', now: NOW });
    await send(deps, streamId, hypothesis('We believe it helps'), { actor: 'dana', now: NOW });
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
          metadata: eventMetadata({ actor: 'dana', occurredAt: NOW, schemaVersion: 1 }),
        },
      ],
      3,
    );
    const [stored] = await store.readStream(streamId, { fromRevision: 3 });
    expect(stored.data.kind).toBeUndefined();
    expect(upcastEvent(stored).data.kind).toBe('PRIMARY');
    const { state } = await loadState(deps, streamId, initiativeDecider);
    expect(state.status).toBe('DEFINED');
  });
});

describe('the folded-state cache with several writers on one store', () => {
  /** The real SQLite store, recording where each stream read started. */
  class ObservedStore extends SqliteEventStore {
    readonly readsFrom: number[] = [];
    override readStream(...args: Parameters<SqliteEventStore['readStream']>) {
      this.readsFrom.push(args[1]?.fromRevision ?? 0);
      return super.readStream(...args);
    }
  }

  let dir: string;
  let one: ObservedStore;
  let other: SqliteEventStore;
  let replicaOne: CommandHandlingDependencies;
  let replicaTwo: CommandHandlingDependencies;
  const meta = (extra: object = {}) => ({ actor: 'dana', now: NOW, ...extra });
  const streamId = initiativeStreamId('shared');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pilotlog-replicas-'));
    // Two processes' worth of store and cache on one file, as two replicas of the service.
    one = new ObservedStore({ filename: join(dir, 'events.sqlite') });
    other = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    replicaOne = { store: pilotlogEventStore(one), cache: new StreamStateCache() };
    replicaTwo = { store: pilotlogEventStore(other), cache: new StreamStateCache() };
  });
  afterEach(async () => {
    await one.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const proposeShared = propose('shared');

  it('reads only the events after its cached state, and sees what another replica appended', async () => {
    const proposed = await send(replicaOne, streamId, proposeShared, meta());
    const other = await send(replicaTwo, streamId, hypothesis('We believe B'), meta());
    expect(other.version).toBe(proposed.version + 1);

    one.readsFrom.length = 0;
    const revised = await send(replicaOne, streamId, hypothesis('We believe A'), meta());
    expect(one.readsFrom).toEqual([proposed.version]);
    expect(revised.version).toBe(other.version + 1);
    expect(revised.state).toMatchObject({ hypothesis: 'We believe A' });
    const stored = await one.readStream(streamId);
    expect(stored.map((e) => e.type).slice(-2)).toEqual(['HypothesisStated', 'HypothesisStated']);
    // The chain runs on across both writers' events.
    expect(stored[stored.length - 1].metadata.prevHash).toBe(stored[stored.length - 2].metadata.hash);
  });

  it('still detects a stale expected version and a commandId another replica wrote', async () => {
    const { version } = await send(replicaOne, streamId, proposeShared, meta());
    await send(replicaTwo, streamId, hypothesis('We believe B'), meta({ commandId: 'state-b' }));

    await expect(
      send(replicaOne, streamId, hypothesis('We believe A'), meta({ expectedVersion: version })),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    const retried = await send(replicaOne, streamId, hypothesis('We believe B'), meta({ commandId: 'state-b' }));
    expect(retried).toMatchObject({ appended: 0, version: version + 1 });
    expect(await one.readStream(streamId)).toHaveLength(version + 1);
  });

  it('recovers from a clash on the store with the other replica by reading the tail again', async () => {
    await send(replicaOne, streamId, proposeShared, meta());
    await send(replicaTwo, streamId, hypothesis('We believe B'), meta());
    // Both caches are now at different versions; concurrent writes without expectations all land.
    const results = await Promise.all([
      send(replicaOne, streamId, hypothesis('We believe A1'), meta()),
      send(replicaTwo, streamId, hypothesis('We believe B1'), meta()),
      send(replicaOne, streamId, hypothesis('We believe A2'), meta()),
    ]);
    expect(results.map((r) => r.appended)).toEqual([1, 1, 1]);
    const stored = await other.readStream(streamId);
    expect(new Set(results.map((r) => r.version)).size).toBe(3);
    expect(Math.max(...results.map((r) => r.version))).toBe(stored.length);
  });
});
