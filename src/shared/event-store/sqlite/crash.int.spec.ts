import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const root = resolve(__dirname, '../../../..');

describe('SQLite event store under kill -9', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pilotlog-crash-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // 16 writers: their appends share transactions (group commit), and each is acknowledged after its group's fsync.
  it.each([1, 16])(
    'keeps every acknowledged append and no torn transaction, with %i concurrent writers',
    async (writers) => {
      const file = join(dir, 'events.sqlite');
      const child = spawn(
        process.execPath,
        [
          '--require',
          join(root, 'scripts/register-ts.js'),
          join(root, 'test/support/crash-writer.ts'),
          file,
          String(writers),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const acknowledged: number[] = [];
      let buffer = '';
      // Every line the writer printed before it died is an acknowledgement: read the pipe to its end.
      await new Promise<void>((done, fail) => {
        child.on('error', fail);
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          for (const line of lines) acknowledged.push(Number(line));
          if (acknowledged.length >= 300 && !child.killed) child.kill('SIGKILL');
        });
        child.stdout.on('end', () => done());
      });
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
      expect(child.signalCode).toBe('SIGKILL');
      expect(acknowledged.length).toBeGreaterThanOrEqual(300);

      const store = new SqliteEventStore({ filename: file });
      try {
        const events = await store.readAll();
        const batches = new Map<number, number[]>();
        for (const e of events) {
          const { i, j } = e.data as { i: number; j: number };
          batches.set(i, [...(batches.get(i) ?? []), j]);
        }
        for (const i of acknowledged) expect(batches.get(i)).toEqual([0, 1, 2]);
        for (const parts of batches.values()) expect(parts).toEqual([0, 1, 2]);
        // Only appends that were asked for before the kill may be there unacknowledged: at most one group.
        for (const [i] of batches) expect(i).toBeLessThanOrEqual(Math.max(...acknowledged) + writers);
      } finally {
        await store.close();
      }
    },
  );
});
