import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { streamIdOf } from '../domain/decider';
import { EventStore, Position } from '../event-store/event-store.port';

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

/**
 * Checkpoints in a small SQLite file of the replica's own (DATA_DIR). The file is made on the
 * first save, so a service with nothing to resume leaves DATA_DIR as it found it.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private db: Database.Database | null = null;

  constructor(private readonly filename: string) {}

  async load(name: string): Promise<Position | undefined> {
    if (!this.db && !existsSync(this.filename)) return undefined;
    const row = this.open().prepare('SELECT position FROM checkpoints WHERE name = ?').get(name) as
      | { position: string }
      | undefined;
    return row?.position;
  }

  async save(name: string, position: Position): Promise<void> {
    this.open()
      .prepare(
        'INSERT INTO checkpoints (name, position, saved_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position, saved_at = excluded.saved_at',
      )
      .run(name, position, new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.db?.open) this.db.close();
  }

  private open(): Database.Database {
    if (this.db) return this.db;
    const db = new Database(this.filename);
    db.pragma('journal_mode = WAL');
    // A checkpoint lost in a power cut is an older one: it costs reading, nothing else.
    db.pragma('synchronous = NORMAL');
    db.exec(
      'CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL, saved_at TEXT NOT NULL)',
    );
    this.db = db;
    return db;
  }
}

export type CheckpointSaved = { type: 'CheckpointSaved'; data: { name: string; position: Position } };

export const CHECKPOINT_SCHEMA_VERSIONS: Readonly<Record<CheckpointSaved['type'], number>> = { CheckpointSaved: 1 };

/**
 * Checkpoints in the event store itself, for replicas that keep nothing on their own disk
 * (EventStoreDB): one stream per name, whose last event is the checkpoint. A save is an append,
 * so saves are spaced by `minIntervalMs`; a skipped save only means more reading after a restart.
 */
export class EventStoreCheckpointStore implements CheckpointStore {
  private readonly lastSaved = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly minIntervalMs = 60_000,
  ) {}

  async load(name: string): Promise<Position | undefined> {
    const [last] = await this.store.readStream(streamIdOf('checkpoint', name), { direction: 'backwards', maxCount: 1 });
    return last ? (last.data as CheckpointSaved['data']).position : undefined;
  }

  async save(name: string, position: Position): Promise<void> {
    const now = Date.now();
    if (now - (this.lastSaved.get(name) ?? 0) < this.minIntervalMs) return;
    const id = randomUUID();
    const data: CheckpointSaved['data'] = { name, position };
    await this.store.append(
      streamIdOf('checkpoint', name),
      [
        {
          id,
          type: 'CheckpointSaved',
          data,
          metadata: {
            actor: 'pilotlog',
            commandId: id,
            correlationId: id,
            causationId: id,
            occurredAt: new Date(now).toISOString(),
          },
        },
      ],
      'any',
    );
    this.lastSaved.set(name, now);
  }

  async close(): Promise<void> {}
}
