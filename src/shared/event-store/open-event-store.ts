import { join } from 'node:path';
import { AppConfig } from '../../config/config';
import { EventStore, EventStoreUnavailableError } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export const SQLITE_FILE_NAME = 'pilotlog.sqlite';

/** EventStoreDB when a connection string is configured, otherwise the embedded SQLite file in DATA_DIR. */
export async function openEventStore(config: AppConfig): Promise<EventStore> {
  if (config.eventStoreConnectionString) {
    // Loaded only when configured: the gRPC client adds a tenth of a second to every start on SQLite.
    const { connectEventStoreDb } = await import('./esdb/esdb-event-store');
    return connectEventStoreDb(config.eventStoreConnectionString);
  }
  const filename = join(config.dataDir, SQLITE_FILE_NAME);
  try {
    return new SqliteEventStore({
      filename,
      synchronous: config.sqliteSynchronous,
      groupCommitWindowMs: config.sqliteGroupCommitWindowMs,
    });
  } catch (error) {
    throw new EventStoreUnavailableError(
      `DATA_DIR: cannot open the event store ${filename} (${(error as Error).message})`,
    );
  }
}
