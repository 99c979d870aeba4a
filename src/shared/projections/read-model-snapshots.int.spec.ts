import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('read models saved with their checkpoint', () => {
  let dir: string;
  let store: SqliteEventStore;
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

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pilotlog-read-model-snapshots-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    snapshots = new SnapshotStore(join(dir, 'snapshots.sqlite'));
  });
  afterEach(async () => {
    await store.close();
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
    expect(snapshots.read('read-models')?.position).toBe(String(Number(third.position) - 1));
    await run.stop();
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

    const other = new SqliteEventStore({ filename: join(dir, 'other.sqlite') });
    try {
      const last = await count(other, 'z', 7);
      const run = await runner(sums, other);
      expect(run.restoredFrom).toBeNull();
      expect(await sumsAt(run, last.position)).toEqual({ z: 7 });
      await run.stop();
    } finally {
      await other.close();
    }
  });
});
