import Database from 'better-sqlite3';

/**
 * Saved folds of the event log, so a process does not fold again what it (or another replica)
 * already folded: whole read models with the log position they reached, and folds of one stream's
 * first events. A snapshot only ever saves time: each one names what folded it (`version`,
 * `folder`) and the last event it includes, and is ignored unless both still hold.
 *
 * One SQLite file beside the data it speeds up (`DATA_DIR/snapshots.sqlite`), whichever store
 * holds the events. Written with `synchronous = NORMAL`: a snapshot lost in a power cut costs a
 * longer fold, never a wrong answer.
 */

export interface Snapshot {
  /** What is saved, e.g. `read-models`, or a follower's checkpoint. */
  name: string;
  /** The code that folded it; a snapshot of another version is not used. */
  version: string;
  /** Position of the last event folded in; null before the first. */
  position: string | null;
  /** Id of that event, to tell a log that was replaced from the one folded. */
  lastEventId: string | null;
  payload: string;
}

export interface StreamSnapshot {
  streamId: string;
  /** What folded it (see StreamFolder). */
  folder: string;
  /** Events folded: revisions 0 to version - 1. */
  version: number;
  lastEventId: string;
  /** The latest occurredAt among the folded events: the snapshot serves any instant from then on. */
  maxOccurredAt: string;
  payload: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  name          TEXT PRIMARY KEY,
  version       TEXT NOT NULL,
  position      TEXT,
  last_event_id TEXT,
  payload       TEXT NOT NULL,
  saved_at      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stream_snapshots (
  stream_id       TEXT    NOT NULL,
  folder          TEXT    NOT NULL,
  version         INTEGER NOT NULL,
  last_event_id   TEXT    NOT NULL,
  max_occurred_at TEXT    NOT NULL,
  payload         TEXT    NOT NULL,
  PRIMARY KEY (stream_id, folder, version)
);
`;

export const SNAPSHOT_FILE_NAME = 'snapshots.sqlite';

export class SnapshotStore {
  private readonly db: Database.Database;
  private readonly selectSnapshot: Database.Statement<[string], Record<string, string | null>>;
  private readonly upsertSnapshot: Database.Statement<[string, string, string | null, string | null, string, string]>;
  private readonly selectStream: Database.Statement<[string, string, number, string], Record<string, string | number>>;
  private readonly insertStream: Database.Statement<[string, string, number, string, string, string]>;

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.selectSnapshot = this.db.prepare('SELECT * FROM snapshots WHERE name = ?');
    this.upsertSnapshot = this.db.prepare(
      `INSERT INTO snapshots (name, version, position, last_event_id, payload, saved_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
         last_event_id = excluded.last_event_id, payload = excluded.payload, saved_at = excluded.saved_at`,
    );
    this.selectStream = this.db.prepare(
      `SELECT * FROM stream_snapshots WHERE stream_id = ? AND folder = ? AND version <= ? AND max_occurred_at <= ?
       ORDER BY version DESC LIMIT 1`,
    );
    this.insertStream = this.db.prepare(
      `INSERT OR REPLACE INTO stream_snapshots (stream_id, folder, version, last_event_id, max_occurred_at, payload)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  read(name: string): Snapshot | null {
    const row = this.selectSnapshot.get(name);
    if (!row) return null;
    return {
      name,
      version: row.version!,
      position: row.position,
      lastEventId: row.last_event_id,
      payload: row.payload!,
    };
  }

  write(snapshot: Snapshot): void {
    this.upsertSnapshot.run(
      snapshot.name,
      snapshot.version,
      snapshot.position,
      snapshot.lastEventId,
      snapshot.payload,
      new Date().toISOString(),
    );
  }

  /** The longest fold of the stream by `folder` within the bounds: at most `maxVersion` events, all by `maxOccurredAt`. */
  latestOfStream(
    streamId: string,
    folder: string,
    bounds: { maxVersion?: number; maxOccurredAt?: string } = {},
  ): StreamSnapshot | null {
    const row = this.selectStream.get(
      streamId,
      folder,
      bounds.maxVersion ?? Number.MAX_SAFE_INTEGER,
      bounds.maxOccurredAt ?? '\uffff',
    );
    if (!row) return null;
    return {
      streamId,
      folder,
      version: Number(row.version),
      lastEventId: String(row.last_event_id),
      maxOccurredAt: String(row.max_occurred_at),
      payload: String(row.payload),
    };
  }

  writeStream(snapshot: StreamSnapshot): void {
    this.insertStream.run(
      snapshot.streamId,
      snapshot.folder,
      snapshot.version,
      snapshot.lastEventId,
      snapshot.maxOccurredAt,
      snapshot.payload,
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
