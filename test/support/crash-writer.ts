import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import { eventMetadata } from '../../src/shared/testing/metadata';

// Appends batches from several concurrent writers, whose appends the store commits in groups, and
// reports each acknowledged append on stdout, until killed.
async function main(): Promise<void> {
  const store = new SqliteEventStore({ filename: process.argv[2] });
  const writers = Number(process.argv[3] ?? '1');
  let next = 0;
  const writer = async () => {
    for (;;) {
      const i = next++;
      const streamId = `crash-${i % 7}`;
      const events = [0, 1, 2].map((j) => ({
        id: `event-${i}-${j}`,
        type: 'Written',
        data: { i, j, padding: 'x'.repeat(200) },
        metadata: eventMetadata(),
      }));
      await store.append(streamId, events, 'any');
      process.stdout.write(`${i}\n`);
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
}

void main();
