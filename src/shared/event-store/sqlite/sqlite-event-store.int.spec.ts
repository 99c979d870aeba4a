import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventMetadata } from '../../testing/metadata';
import { describeEventStoreContract } from '../event-store.contract';
import { ConcurrencyError, RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pilotlog-contract-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  return {
    store,
    teardown: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeEventStoreContract('SQLite file, appends grouped over a 2 ms window', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pilotlog-contract-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), groupCommitWindowMs: 2 });
  return {
    store,
    teardown: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeEventStoreContract('SQLite in memory', async () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  return { store, teardown: () => store.close() };
});

describe('SQLite event store file', () => {
  it('uses WAL and full synchronous writes by default, and keeps events across reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pilotlog-sqlite-'));
    try {
      const file = join(dir, 'events.sqlite');
      const store = new SqliteEventStore({ filename: file });
      expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
      await store.append('s-1', [{ id: 'e-1', type: 'A', data: { v: 1 }, metadata: eventMetadata() }], 'no_stream');
      await store.close();
      const reopened = new SqliteEventStore({ filename: file });
      expect((await reopened.readStream('s-1')).map((e) => e.data)).toEqual([{ v: 1 }]);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sees appends made by another connection to the same file in a live subscription', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pilotlog-sqlite-'));
    const file = join(dir, 'events.sqlite');
    const reader = new SqliteEventStore({ filename: file, pollIntervalMs: 20 });
    const writer = new SqliteEventStore({ filename: file });
    try {
      const subscription = reader.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toMatchObject({ kind: 'caught-up' });
      await writer.append(
        's-2',
        [{ id: 'e-2', type: 'FromElsewhere', data: {}, metadata: eventMetadata() }],
        'no_stream',
      );
      const next = await iterator.next();
      expect(next.value).toMatchObject({ kind: 'event', event: { type: 'FromElsewhere' } });
      await subscription.close();
    } finally {
      await reader.close();
      await writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite event store live subscription', () => {
  it("delivers its own appends and another connection's, interleaved, in log order with no gap or duplicate", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pilotlog-sqlite-'));
    const file = join(dir, 'events.sqlite');
    const own = new SqliteEventStore({ filename: file, pollIntervalMs: 10 });
    const other = new SqliteEventStore({ filename: file });
    const subscription = own.subscribeToAll();
    try {
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toMatchObject({ kind: 'caught-up' });
      const writers = [own, other, own, own, other, own];
      for (const [i, writer] of writers.entries()) {
        await writer.append('mixed', [{ id: `m-${i}`, type: 'Mixed', data: { i }, metadata: eventMetadata() }], i);
      }
      const received: RecordedEvent[] = [];
      while (received.length < writers.length) {
        const next = await iterator.next();
        if (next.value.kind === 'event') received.push(next.value.event);
      }
      expect(received.map((e) => e.id)).toEqual(writers.map((_, i) => `m-${i}`));
      expect(received.map((e) => e.revision)).toEqual(writers.map((_, i) => i));
      expect(received.map((e) => Number(e.position))).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await subscription.close();
      await own.close();
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite event store group commit', () => {
  let dir: string;
  let store: SqliteEventStore;
  let reader: SqliteEventStore;
  const event = (id: string, data: Record<string, unknown> = {}) => ({
    id,
    type: 'Written',
    data,
    metadata: eventMetadata(),
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pilotlog-group-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    // Another connection sees only what is committed.
    reader = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    await reader.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each of many concurrent appends only once its events are committed', async () => {
    const appends = Array.from({ length: 16 }, (_, i) =>
      store.append(`writer-${i}`, [event(`e-${i}-a`), event(`e-${i}-b`)], 'no_stream').then(async (result) => {
        // Committed by the time it is answered: visible to another connection.
        const seen = await reader.readStream(`writer-${i}`);
        return { result, seen: seen.map((e) => e.id) };
      }),
    );
    const answers = await Promise.all(appends);
    answers.forEach(({ result, seen }, i) => {
      expect(result.nextVersion).toBe(2);
      expect(seen).toEqual([`e-${i}-a`, `e-${i}-b`]);
    });
    const positions = answers.map(({ result }) => Number(result.position));
    expect(new Set(positions).size).toBe(16);
  });

  it('fails only the append whose expected version is stale, never the others of its group', async () => {
    await store.append('contested', [event('first')], 'no_stream');
    const results = await Promise.allSettled([
      store.append('calm-1', [event('c1')], 'no_stream'),
      store.append('contested', [event('stale')], 0),
      store.append('contested', [event('second')], 1),
      store.append('contested', [event('third')], 2),
      store.append('calm-2', [event('c2')], 'no_stream'),
      store.append('calm-1', [event('c1-again')], 'no_stream'),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((results[5] as PromiseRejectedResult).reason).toMatchObject({ streamId: 'calm-1', actual: 1 });
    expect((await reader.readStream('contested')).map((e) => e.id)).toEqual(['first', 'second', 'third']);
    expect((await reader.readStream('calm-1')).map((e) => e.id)).toEqual(['c1']);
    expect((await reader.readStream('calm-2')).map((e) => e.id)).toEqual(['c2']);
  });

  it('writes the appends asked for before close, and refuses those after', async () => {
    const pending = store.append('late', [event('late-1')], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextVersion: 1 });
    await expect(store.append('late', [event('late-2')], 1)).rejects.toThrow('closed');
    expect((await reader.readStream('late')).map((e) => e.id)).toEqual(['late-1']);
  });
});
