import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventMetadata } from '../../testing/metadata';
import { describeEventStoreContract } from '../event-store.contract';
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
