import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEsdbDouble } from '../../../test/support/esdb-double/esdb-double';
import { connectEventStoreDb } from '../event-store/esdb/esdb-event-store';
import { EventStore } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { SnapshotStore } from '../snapshots/snapshot-store';
import { eventMetadata } from '../testing/metadata';
import { defineProjection } from './projection';
import { ProjectionRunner } from './projection-runner';

type Counted = { type: 'Counted'; data: { counter: string; by: number } };

/** Today's projection: the sum of every count per counter. */
const sums = defineProjection<Counted, number>({
  name: 'sums',
  events: ['Counted'],
  keyOf: (event) => event.data.counter,
  evolve: (sum = 0, event) => sum + event.data.by,
});

/** The same read model after a change in its code: it now counts events instead. */
const changedSums = defineProjection<Counted, number>({
  name: 'sums',
  events: ['Counted'],
  keyOf: (event) => event.data.counter,
  evolve: (count = 0) => count + 1,
});

interface Log {
  store: EventStore;
  close(): Promise<void>;
}

/** A log of its own each time: a SQLite file, or an EventStoreDB (the protocol double) through the real client. */
const LOGS: Array<[string, (dir: string, name: string) => Promise<Log>]> = [
  [
    'SQLite file',
    async (dir, name) => {
      const store = new SqliteEventStore({ filename: join(dir, `${name}.sqlite`) });
      return { store, close: () => store.close() };
    },
  ],
  [
    'EventStoreDB',
    async () => {
      const double = await startEsdbDouble();
      const store = await connectEventStoreDb(double.connectionString);
      return {
        store,
        close: async () => {
          await store.close();
          await double.stop();
        },
      };
    },
  ],
];

describe.each(LOGS)('read models saved with their checkpoint, on %s', (_name, openLog) => {
  let dir: string;
  let log: Log;
  let store: EventStore;
  let snapshots: SnapshotStore;
  let next = 0;

  const count = (on: EventStore, counter: string, by: number) =>
    on.append(
      counter,
      [{ id: `e-${next++}`, type: 'Counted', data: { counter, by }, metadata: eventMetadata() }],
      'any',
    );

  async function runner(projection = sums, on: EventStore = store, every = 1000): Promise<ProjectionRunner> {
    const started = new ProjectionRunner(on, [projection], { snapshots, every, codeVersion: 'test' });
    started.start();
    await started.caughtUp();
    return started;
  }

  async function sumsAt(run: ProjectionRunner, position: string): Promise<Record<string, number>> {
    await run.waitFor(position, 5000);
    return Object.fromEntries(run.set.of(sums));
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pilotlog-read-model-snapshots-'));
    log = await openLog(dir, 'events');
    store = log.store;
    snapshots = new SnapshotStore(join(dir, 'snapshots.sqlite'));
  });
  afterEach(async () => {
    await log.close();
    snapshots.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the views saved at stop and folds only the events after their checkpoint', async () => {
    await count(store, 'a', 2);
    await count(store, 'b', 5);
    const first = await runner();
    const saved = await count(store, 'a', 3);
    expect(await sumsAt(first, saved.position)).toEqual({ a: 5, b: 5 });
    await first.stop();

    const after = await count(store, 'b', 1);
    const second = await runner();
    expect(second.restoredFrom).toBe(saved.position);
    expect(await sumsAt(second, after.position)).toEqual({ a: 5, b: 6 });
    await second.stop();
  });

  it('saves while running, every so many events once caught up', async () => {
    const run = await runner(sums, store, 3);
    expect(snapshots.read('read-models')).toBeNull();
    for (let i = 0; i < 3; i++) await count(store, 'a', 1);
    const third = await count(store, 'a', 1);
    await run.waitFor(third.position, 5000);
    const saved = snapshots.read('read-models')?.position;
    expect(saved).toBeDefined();
    expect(store.comparePositions(saved!, third.position)).toBeLessThan(0);
    await run.stop();
    expect(snapshots.read('read-models')?.position).toBe(third.position);
  });

  it('does not use views saved by an older version of the projection: it folds the log again', async () => {
    await count(store, 'a', 2);
    const last = await count(store, 'a', 3);
    const old = await runner();
    await old.stop();
    expect(snapshots.read('read-models')).not.toBeNull();

    const changed = await runner(changedSums);
    expect(changed.restoredFrom).toBeNull();
    await changed.waitFor(last.position, 5000);
    expect(Object.fromEntries(changed.set.of(changedSums))).toEqual({ a: 2 });
    await changed.stop();
  });

  it('does not use views saved from another log', async () => {
    await count(store, 'a', 2);
    const old = await runner();
    await old.stop();

    const other = await openLog(dir, 'other');
    try {
      const last = await count(other.store, 'z', 7);
      const run = await runner(sums, other.store);
      expect(run.restoredFrom).toBeNull();
      expect(await sumsAt(run, last.position)).toEqual({ z: 7 });
      await run.stop();
    } finally {
      await other.close();
    }
  });
});
