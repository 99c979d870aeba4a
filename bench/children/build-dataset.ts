import { join } from 'node:path';
import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import { buildDataset, Dataset, DatasetSize } from '../dataset';
import { serveChild } from './child';

export type BuiltDataset = Omit<Dataset, 'participants'> & { participants: Record<string, string[]>; seconds: number };

/** Builds the data set in DATA_DIR from a process of its own, so the service later starts on a cold heap. */
serveChild<{ dataDir: string; size: DatasetSize }, BuiltDataset>(async ({ dataDir, size }) => {
  const started = performance.now();
  const store = new SqliteEventStore({ filename: join(dataDir, 'pilotlog.sqlite'), synchronous: 'FULL' });
  const progress = (message: string) => process.stderr.write(`[bench data set] ${message}\n`);
  const data = await buildDataset(store, size, progress);
  await store.close();
  return {
    ...data,
    participants: Object.fromEntries(data.participants),
    seconds: (performance.now() - started) / 1000,
  };
});
