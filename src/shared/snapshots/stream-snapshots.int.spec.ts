import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadStreamOptions, RecordedEvent } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { eventMetadata } from '../testing/metadata';
import { SnapshotStore } from './snapshot-store';
import { StreamFolder, StreamSnapshots } from './stream-snapshots';

/** The real SQLite store, recording from which revision each stream read started. */
class ObservedStore extends SqliteEventStore {
  readonly readsFrom: number[] = [];
  override readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.readsFrom.push(options?.fromRevision ?? 0);
    return super.readStream(streamId, options);
  }
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

/** Every value folded, in order: any event missed, repeated or reordered shows. */
const folder = (fingerprint = 'values:1'): StreamFolder<number[]> => ({
  fingerprint,
  initial: () => [],
  apply: (values, event) => [...values, event.data.value as number],
});

describe('folding a long stream from its snapshots', () => {
  let dir: string;
  let store: ObservedStore;
  let snapshots: SnapshotStore;
  let streamSnapshots: StreamSnapshots;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pilotlog-stream-snapshots-'));
    store = new ObservedStore({ filename: join(dir, 'events.sqlite') });
    snapshots = new SnapshotStore(join(dir, 'snapshots.sqlite'));
    streamSnapshots = new StreamSnapshots(snapshots, 10);
    const events = Array.from({ length: 40 }, (_, i) => ({
      id: `long-${i}`,
      type: 'Valued',
      data: { value: i },
      metadata: eventMetadata({ occurredAt: at(i) }),
    }));
    await store.append('long', events, 'no_stream');
  });
  afterEach(async () => {
    await store.close();
    snapshots.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

  it('saves the fold it read, then starts the next fold from it, with the same answer', async () => {
    expect((await streamSnapshots.fold(store, 'long', folder(), { asOf: at(24) })).state).toEqual(range(0, 25));
    store.readsFrom.length = 0;
    const again = await streamSnapshots.fold(store, 'long', folder(), { asOf: at(30) });
    expect(again).toEqual({ state: range(0, 31), events: 31 });
    // The snapshot's last event is read to check it, then only what follows it.
    expect(store.readsFrom).toEqual([24, 25]);
  });

  it('does not use a snapshot that includes events after the instant asked, nor one of another fold', async () => {
    await streamSnapshots.fold(store, 'long', folder(), { asOf: at(30) });
    store.readsFrom.length = 0;
    expect((await streamSnapshots.fold(store, 'long', folder(), { asOf: at(12) })).state).toEqual(range(0, 13));
    expect(store.readsFrom[0]).toBe(0);
    store.readsFrom.length = 0;
    expect((await streamSnapshots.fold(store, 'long', folder('values:2'), { asOf: at(35) })).state).toEqual(
      range(0, 36),
    );
    expect(store.readsFrom).toEqual([0]);
  });

  it('folds up to a version, from a snapshot below it', async () => {
    await streamSnapshots.fold(store, 'long', folder(), { version: 20 });
    store.readsFrom.length = 0;
    expect(await streamSnapshots.fold(store, 'long', folder(), { version: 33 })).toEqual({
      state: range(0, 33),
      events: 33,
    });
    expect(store.readsFrom).toEqual([19, 20]);
  });

  it('saves no snapshot past an event that occurred after the instant, which a later instant would need', async () => {
    // Revision 40 carries an earlier clock reading than 39: asOf at(5) folds revisions 0-5 and 40.
    await store.append(
      'long',
      [{ id: 'late', type: 'Valued', data: { value: 99 }, metadata: eventMetadata({ occurredAt: at(5) }) }],
      40,
    );
    expect((await streamSnapshots.fold(store, 'long', folder(), { asOf: at(5) })).state).toEqual([...range(0, 6), 99]);
    expect((await streamSnapshots.fold(store, 'long', folder(), { asOf: at(50) })).state).toEqual([
      ...range(0, 40),
      99,
    ]);
    expect((await streamSnapshots.fold(store, 'long', folder(), { asOf: at(50) })).state).toEqual([
      ...range(0, 40),
      99,
    ]);
  });

  it('does not use a snapshot whose last event is no longer the one in the log', async () => {
    await streamSnapshots.fold(store, 'long', folder(), { asOf: at(24) });
    const other = new ObservedStore({ filename: join(dir, 'other.sqlite') });
    try {
      await other.append(
        'long',
        range(0, 30).map((i) => ({
          id: `other-${i}`,
          type: 'Valued',
          data: { value: -i - 1 },
          metadata: eventMetadata({ occurredAt: at(i) }),
        })),
        'no_stream',
      );
      const folded = await streamSnapshots.fold(other, 'long', folder(), { asOf: at(29) });
      expect(folded.state).toEqual(range(0, 30).map((i) => -i - 1));
    } finally {
      await other.close();
    }
  });
});
