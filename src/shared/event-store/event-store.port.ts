/**
 * The one port every event store adapter implements (embedded SQLite, EventStoreDB).
 *
 * Versions count events: a stream holding three events is at version 3, and its events have
 * revisions 0, 1 and 2. Positions in the global log are opaque strings: only the adapter that
 * produced them may interpret them, through `comparePositions`.
 */

export type JsonObject = { [key: string]: unknown };

export type Position = string;

/** `no_stream`: the stream must not exist; `stream_exists`: it must; `any`: no check; a number: its exact version. */
export type ExpectedVersion = 'no_stream' | 'any' | 'stream_exists' | number;

/**
 * What pilotlog writes with every event. The version and the hash chain are stamped by the
 * store decorators (`VersionedEventStore`, `HashChainedEventStore`) as the event is appended.
 */
export interface EventMetadata {
  /** The token's subject of whoever sent the command. */
  actor: string;
  /** The idempotency key of the command that wrote the event. */
  commandId: string;
  correlationId: string;
  causationId: string;
  /** ISO 8601 instant in UTC: the service's clock when the command was handled. */
  occurredAt: string;
  /** Version of the shape of `data`; an event stored before versions were recorded has none and is version 1. */
  schemaVersion?: number;
  /** Hash of the previous event of the stream, null for the first one. */
  prevHash?: string | null;
  /** SHA-256 of this event (see hash-chain.ts). */
  hash?: string;
}

export interface EventToAppend {
  id: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  /** 0-based index of the event in its stream. */
  revision: number;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
  position: Position;
}

export interface AppendResult {
  /** The stream's version after the append (= number of events in it). */
  nextVersion: number;
  /** Position of the last appended event in the global log. */
  position: Position;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Revision to start from (inclusive). Defaults to the first event forwards, the last backwards. */
  fromRevision?: number;
  maxCount?: number;
  /**
   * Only events whose metadata `occurredAt` is at or before this ISO 8601 instant (time travel),
   * compared as text; events without an `occurredAt` are at no instant and left out. Applied
   * before `maxCount`.
   */
  untilOccurredAt?: string;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; from the very start when omitted. */
  after?: Position;
  maxCount?: number;
}

export type SubscriptionMessage = { kind: 'event'; event: RecordedEvent } | { kind: 'caught-up'; position?: Position };

export interface SubscribeOptions {
  /** Deliver events strictly after this checkpoint; from the very start when omitted. */
  after?: Position;
}

/**
 * Catch-up subscription to the global log: every stored event after the checkpoint in order,
 * then a single `caught-up` message, then live events as they are appended, with no gap and no
 * duplicate. Iterating stops after `close()`.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: EventToAppend[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  /** Events of one stream; an empty array for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Negative when a is before b, 0 when equal, positive when after. */
  comparePositions(a: Position, b: Position): number;
  close(): Promise<void>;
}

/** The store as the service writes and reads it: events versioned, upcast and hash-chained. */
export const EVENT_STORE = Symbol('EventStore');
/** The same events as stored, byte for byte: for the audit trail and the hash-chain check, read only. */
export const STORED_EVENTS = Symbol('StoredEvents');

export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId} is at version ${String(actual)}, expected ${String(expected)}`);
    this.name = 'ConcurrencyError';
  }
}

/** The store could not be opened or reached; the message names the cause in one line. */
export class EventStoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}
