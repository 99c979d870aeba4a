import Database from 'better-sqlite3';
import { Position } from '../event-store/event-store.port';

/**
 * Where a follower of the global log left off, by name, so it resumes there after a restart
 * instead of reading the log from the start. A checkpoint only ever saves reading: what a
 * follower has done must be known from the events themselves, so an old or lost checkpoint
 * means more reading, never a step done twice or skipped.
 */
export interface CheckpointStore {
  load(name: string): Promise<Position | undefined>;
  save(name: string, position: Position): Promise<void>;
  close(): Promise<void>;
}

export const CHECKPOINT_STORE = Symbol('CheckpointStore');

export const CHECKPOINTS_FILE_NAME = 'checkpoints.sqlite';

/** Checkpoints in a small SQLite file of the replica's own (DATA_DIR), whichever event store it uses. */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { position: string }>;
  private readonly upsert: Database.Statement<[string, string, string]>;

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // A checkpoint lost in a power cut is an older one: it costs reading, nothing else.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL, saved_at TEXT NOT NULL)',
    );
    this.select = this.db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.upsert = this.db.prepare(
      'INSERT INTO checkpoints (name, position, saved_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position, saved_at = excluded.saved_at',
    );
  }

  async load(name: string): Promise<Position | undefined> {
    return this.select.get(name)?.position;
  }

  async save(name: string, position: Position): Promise<void> {
    this.upsert.run(name, position, new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
