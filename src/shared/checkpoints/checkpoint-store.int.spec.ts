import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { EventStoreCheckpointStore, SqliteCheckpointStore } from './checkpoint-store';

describe('checkpoints in a SQLite file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pilotlog-checkpoints-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the last position saved under each name across a reopen', async () => {
    const file = join(dir, 'checkpoints.sqlite');
    const first = new SqliteCheckpointStore(file);
    expect(await first.load('webhooks')).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    await first.save('webhooks', '41');
    await first.save('webhooks', '42');
    await first.save('other', '7');
    await first.close();

    const reopened = new SqliteCheckpointStore(file);
    expect(await reopened.load('webhooks')).toBe('42');
    expect(await reopened.load('other')).toBe('7');
    await reopened.close();
  });
});

describe('checkpoints in the event store', () => {
  it('reads the last position saved under a name, and spaces its saves', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    const checkpoints = new EventStoreCheckpointStore(store, 60_000);
    expect(await checkpoints.load('webhooks')).toBeUndefined();
    await checkpoints.save('webhooks', '41');
    await checkpoints.save('webhooks', '42');
    await checkpoints.save('other', '7');
    expect(await checkpoints.load('webhooks')).toBe('41');
    expect(await new EventStoreCheckpointStore(store, 0).load('other')).toBe('7');

    const eager = new EventStoreCheckpointStore(store, 0);
    await eager.save('webhooks', '43');
    expect(await checkpoints.load('webhooks')).toBe('43');
    expect(await store.readStream('checkpoint-webhooks')).toHaveLength(2);
    await store.close();
  });
});
