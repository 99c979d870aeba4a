import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from './checkpoint-store';

describe('checkpoints in a SQLite file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pilotlog-checkpoints-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the last position saved under each name across a reopen', async () => {
    const file = join(dir, 'checkpoints.sqlite');
    const first = new SqliteCheckpointStore(file);
    expect(await first.load('webhooks')).toBeUndefined();
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
