import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import {
  AppendResult,
  ConcurrencyError,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from '../event-store.port';

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:` for unit tests. */
  filename: string;
  /** `FULL` (default) makes an acknowledged append survive a power cut; `NORMAL` only a process crash. */
  synchronous?: 'FULL' | 'NORMAL';
  /** How often live subscriptions look for appends made by another process on the same file. */
  pollIntervalMs?: number;
  /**
   * How long an append waits for others to share its transaction (group commit), in ms. 0, the
   * default, groups the appends that arrive in the same turn of the event loop and adds no delay.
   */
  groupCommitWindowMs?: number;
}

interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expectedVersion: ExpectedVersion;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** Appends in one durable transaction at most: bounds the latency of the last one in a crowd. */
const MAX_GROUP = 512;
/** Committed events kept for this process's subscriptions, so they need not read back what was just written. */
const RECENT_EVENTS = 4096;

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

const PAGE_SIZE = 1000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  event_id    TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  occurred_at TEXT,
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_by_stream_time ON events (stream_id, occurred_at);
`;

/**
 * The embedded event store: one SQLite file in WAL mode. Appends that arrive together share one
 * IMMEDIATE transaction (group commit), so the stream version checks and the position assignment
 * happen under the database's write lock, even against another process writing the same file, and
 * one fsync acknowledges them all. Each append runs in a savepoint of its own: it is checked
 * against its own expected version, and a conflict undoes only that append and fails only its
 * caller. Nobody is answered before the commit is durable.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly pollIntervalMs: number;
  private readonly groupCommitWindowMs: number;
  private closed = false;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  /** Events inserted by the transaction under way, handed to this process's subscriptions once it commits. */
  private inserted: RecordedEvent[] = [];
  /** The latest events this connection committed, a contiguous run of positions. */
  private recent: RecordedEvent[] = [];

  private readonly selectStreamVersion: Database.Statement<[string], { revision: number | null }>;
  private readonly selectStreamIdsFrom: Database.Statement<
    [string, number, number],
    { event_id: string; position: number }
  >;
  private readonly insertEvent: Database.Statement<[string, number, string, string, string, string, string | null]>;
  private readonly selectAllAfter: Database.Statement<[number, number], EventRow>;
  private readonly selectStreamForwards: Database.Statement<[string, number, number], EventRow>;
  private readonly selectStreamBackwards: Database.Statement<[string, number, number], EventRow>;
  private readonly selectStreamForwardsUntil: Database.Statement<[string, string, number, number], EventRow>;
  private readonly selectStreamBackwardsUntil: Database.Statement<[string, string, number, number], EventRow>;
  private readonly appendInSavepoint: (
    streamId: string,
    events: EventToAppend[],
    expectedVersion: ExpectedVersion,
  ) => AppendResult;
  private readonly commitGroup: (group: PendingAppend[]) => AppendOutcome[];

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.filename);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.groupCommitWindowMs = options.groupCommitWindowMs ?? 0;
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.setAppendedListenerLimit();

    this.selectStreamVersion = this.db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?');
    this.selectStreamIdsFrom = this.db.prepare(
      'SELECT event_id, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    );
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectAllAfter = this.db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?');
    this.selectStreamForwards = this.db.prepare(
      'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    );
    this.selectStreamBackwards = this.db.prepare(
      'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
    );
    // Without the hint the planner prefers the (stream_id, revision) index for its order and
    // scans the whole stream; the time index reads only the events up to the instant.
    this.selectStreamForwardsUntil = this.db.prepare(
      'SELECT * FROM events INDEXED BY events_by_stream_time WHERE stream_id = ? AND occurred_at <= ? AND revision >= ? ORDER BY revision LIMIT ?',
    );
    this.selectStreamBackwardsUntil = this.db.prepare(
      'SELECT * FROM events INDEXED BY events_by_stream_time WHERE stream_id = ? AND occurred_at <= ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
    );
    // Called inside the group's transaction, better-sqlite3 runs it in a savepoint.
    this.appendInSavepoint = this.db.transaction(this.appendInTransaction.bind(this));
    this.commitGroup = this.db.transaction((group: PendingAppend[]) =>
      group.map(({ streamId, events, expectedVersion }): AppendOutcome => {
        const insertedBefore = this.inserted.length;
        try {
          return { ok: true, result: this.appendInSavepoint(streamId, events, expectedVersion) };
        } catch (error) {
          // Rolled back to its savepoint: none of its rows exist.
          this.inserted.length = insertedBefore;
          return { ok: false, error };
        }
      }),
    ).immediate;
  }

  append(streamId: string, events: EventToAppend[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('The event store is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, expectedVersion, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const until = options.untilOccurredAt;
    const rows =
      until === undefined
        ? (backwards ? this.selectStreamBackwards : this.selectStreamForwards).all(streamId, from, maxCount)
        : (backwards ? this.selectStreamBackwardsUntil : this.selectStreamForwardsUntil).all(
            streamId,
            until,
            from,
            maxCount,
          );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllSync(options.after, options.maxCount ?? Number.MAX_SAFE_INTEGER);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    return new SqliteSubscription(this, options.after);
  }

  comparePositions(a: Position, b: Position): number {
    return decodePosition(a) - decodePosition(b);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already asked for are written, not dropped.
    while (this.pending.length > 0) this.flush();
    this.closed = true;
    this.appended.emit('closed');
    this.db.close();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** @internal used by subscriptions */
  readAllSync(after: Position | undefined, maxCount: number): RecordedEvent[] {
    return this.selectAllAfter.all(after === undefined ? 0 : decodePosition(after), maxCount).map(toRecordedEvent);
  }

  /**
   * @internal The events this process committed right after `after`, without reading them back;
   * null when it cannot tell (another connection may have written in between), and the log must be read.
   */
  committedAfter(after: Position | undefined, maxCount: number): RecordedEvent[] | null {
    if (this.recent.length === 0 || after === undefined) return null;
    const first = decodePosition(this.recent[0].position);
    const index = decodePosition(after) + 1 - first;
    if (index < 0 || index > this.recent.length) return null;
    return this.recent.slice(index, index + maxCount);
  }

  private remember(committed: RecordedEvent[]): void {
    const last = this.recent[this.recent.length - 1];
    const contiguous =
      last !== undefined && decodePosition(committed[0].position) === decodePosition(last.position) + 1;
    if (!contiguous) this.recent = [];
    for (const event of committed) this.recent.push(event);
    // Trimmed in halves, so the copy is paid once per RECENT_EVENTS / 2 events, not on every commit.
    if (this.recent.length > RECENT_EVENTS) this.recent = this.recent.slice(this.recent.length - RECENT_EVENTS / 2);
  }

  /**
   * @internal resolves on the next append in this process (`appended`), or on close or after the
   * poll interval (`other`: another connection may have written, the log must be read).
   */
  waitForAppend(): { promise: Promise<'appended' | 'other'>; cancel: () => void } {
    let cancel = () => {};
    const promise = new Promise<'appended' | 'other'>((resolve) => {
      const finish = (reason: 'appended' | 'other') => {
        clearTimeout(timer);
        this.appended.off('appended', onAppended);
        this.appended.off('closed', onOther);
        resolve(reason);
      };
      const onAppended = () => finish('appended');
      const onOther = () => finish('other');
      const timer = setTimeout(onOther, this.pollIntervalMs);
      this.appended.on('appended', onAppended);
      this.appended.on('closed', onOther);
      cancel = onOther;
    });
    return { promise, cancel };
  }

  /** The raw connection, for maintenance tools and tests that inspect the file. */
  get database(): Database.Database {
    return this.db;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const flush = () => {
      this.flushScheduled = false;
      this.flush();
      if (this.pending.length > 0) this.scheduleFlush();
    };
    // setImmediate runs after the I/O of this turn: every request that arrived with this one has
    // had its chance to append.
    if (this.groupCommitWindowMs > 0) setTimeout(flush, this.groupCommitWindowMs);
    else setImmediate(flush);
  }

  /** Commits up to MAX_GROUP pending appends in one transaction, then answers each of them. */
  private flush(): void {
    if (this.pending.length === 0 || this.closed) return;
    const group = this.pending.length <= MAX_GROUP ? this.pending : this.pending.slice(0, MAX_GROUP);
    this.pending = this.pending.length <= MAX_GROUP ? [] : this.pending.slice(MAX_GROUP);
    let outcomes: AppendOutcome[];
    this.inserted = [];
    try {
      outcomes = this.commitGroup(group);
    } catch (error) {
      // The transaction itself failed (the file is locked or full): nothing of the group is written.
      for (const append of group) append.reject(error);
      return;
    }
    if (this.inserted.length > 0) this.remember(this.inserted);
    if (outcomes.some((outcome) => outcome.ok)) this.appended.emit('appended');
    outcomes.forEach((outcome, index) =>
      outcome.ok ? group[index].resolve(outcome.result) : group[index].reject(outcome.error),
    );
  }

  private appendInTransaction(
    streamId: string,
    events: EventToAppend[],
    expectedVersion: ExpectedVersion,
  ): AppendResult {
    const lastRevision = this.selectStreamVersion.get(streamId)?.revision ?? null;
    const currentVersion = lastRevision === null ? 0 : lastRevision + 1;

    const retried = this.findIdempotentRetry(streamId, events, expectedVersion, currentVersion);
    if (retried) return retried;

    checkExpectedVersion(streamId, expectedVersion, lastRevision === null ? 'no_stream' : currentVersion);
    if (events.length === 0) {
      return { nextVersion: currentVersion, position: encodePosition(this.lastPosition()) };
    }
    let position = 0;
    events.forEach((event, index) => {
      const revision = currentVersion + index;
      const info = this.insertEvent.run(
        streamId,
        revision,
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.metadata.occurredAt ?? null,
      );
      position = Number(info.lastInsertRowid);
      this.inserted.push({ ...event, streamId, revision, position: encodePosition(position) });
    });
    return { nextVersion: currentVersion + events.length, position: encodePosition(position) };
  }

  /**
   * A retry of an append that already succeeded: the same event ids stand in the stream at the
   * revisions the expected version points to (or anywhere, for `any`/`stream_exists`).
   */
  private findIdempotentRetry(
    streamId: string,
    events: EventToAppend[],
    expectedVersion: ExpectedVersion,
    currentVersion: number,
  ): AppendResult | null {
    if (events.length === 0 || currentVersion === 0) return null;
    let fromRevision: number;
    if (typeof expectedVersion === 'number' || expectedVersion === 'no_stream') {
      fromRevision = expectedVersion === 'no_stream' ? 0 : expectedVersion;
      if (fromRevision + events.length > currentVersion) return null;
    } else {
      const first = this.db
        .prepare<
          [string, string],
          { revision: number }
        >('SELECT revision FROM events WHERE stream_id = ? AND event_id = ?')
        .get(streamId, events[0].id);
      if (!first) return null;
      fromRevision = first.revision;
    }
    const stored = this.selectStreamIdsFrom.all(streamId, fromRevision, events.length);
    if (stored.length !== events.length || stored.some((row, i) => row.event_id !== events[i].id)) return null;
    return { nextVersion: fromRevision + events.length, position: encodePosition(stored[stored.length - 1].position) };
  }

  private lastPosition(): number {
    return (this.db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number | null }).p ?? 0;
  }

  private setAppendedListenerLimit(): void {
    // Every live subscription waits on this emitter; many projections may follow one store.
    this.appended.setMaxListeners(0);
  }
}

function checkExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number | 'no_stream'): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 'no_stream') ||
    (expected === 'stream_exists' && actual !== 'no_stream') ||
    (typeof expected === 'number' && (actual === 'no_stream' ? expected === 0 : expected === actual));
  if (!ok) throw new ConcurrencyError(streamId, expected, actual);
}

class SqliteSubscription implements Subscription {
  private closed = false;
  private pendingWait: { cancel: () => void } | null = null;

  constructor(
    private readonly store: SqliteEventStore,
    private checkpoint: Position | undefined,
  ) {}

  async close(): Promise<void> {
    this.closed = true;
    this.pendingWait?.cancel();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    let caughtUp = false;
    let mayHaveOtherWrites = true;
    while (!this.closed && !this.store.isClosed) {
      // Live, the events this process just committed come straight from the append; the log is
      // read whenever another connection may have written: at the poll interval, and when this
      // process's commits do not follow on from the checkpoint.
      const committed = caughtUp && !mayHaveOtherWrites ? this.store.committedAfter(this.checkpoint, PAGE_SIZE) : null;
      const page = committed ?? this.store.readAllSync(this.checkpoint, PAGE_SIZE);
      mayHaveOtherWrites = false;
      if (page.length === 0 && caughtUp) {
        // Registering right after an empty read, with no yield in between, leaves no window
        // in which an append could be missed.
        const wait = this.store.waitForAppend();
        this.pendingWait = wait;
        mayHaveOtherWrites = (await wait.promise) === 'other';
        this.pendingWait = null;
        continue;
      }
      for (const event of page) {
        if (this.closed) return;
        this.checkpoint = event.position;
        yield { kind: 'event', event };
      }
      if (page.length < PAGE_SIZE && !caughtUp) {
        caughtUp = true;
        yield { kind: 'caught-up', position: this.checkpoint };
      }
    }
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: row.revision,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    position: encodePosition(row.position),
  };
}

function encodePosition(position: number): Position {
  return String(position);
}

function decodePosition(position: Position): number {
  const value = Number(position);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Not a position of this store: ${position}`);
  return value;
}
