import { createHash } from 'node:crypto';
import {
  AppendResult,
  ConcurrencyError,
  EventMetadata,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  JsonObject,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './event-store.port';

/**
 * Tamper evidence: every event's metadata carries the hash of the previous event of its stream
 * (`prevHash`) and its own `hash`, SHA-256 over a canonical encoding of stream id, version, type,
 * data and metadata without `hash`. Altering any stored byte of an event breaks its hash, and
 * removing or reordering events breaks the chain.
 */
export interface ChainedEvent {
  streamId: string;
  /** 0-based revision of the event in its stream. */
  revision: number;
  type: string;
  data: JsonObject;
  metadata: Partial<EventMetadata>;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(event: ChainedEvent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const canonical = canonicalJson({
    streamId: event.streamId,
    version: event.revision + 1,
    type: event.type,
    data: event.data,
    metadata,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** Adds `prevHash` and `hash` to events about to be appended at `firstRevision`. */
export function chainEvents(
  streamId: string,
  firstRevision: number,
  previousHash: string | null,
  events: EventToAppend[],
): EventToAppend[] {
  let prevHash = previousHash;
  return events.map((event, index) => {
    const metadata: EventMetadata = { ...event.metadata, prevHash };
    const hash = eventHash({ streamId, revision: firstRevision + index, type: event.type, data: event.data, metadata });
    prevHash = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
}

export interface ChainVerification {
  valid: boolean;
  checkedEvents: number;
  /** 1-based version of the first event whose hash or link does not check out. */
  firstBrokenVersion: number | null;
}

/** Checks a whole stream, read forwards from its first event. */
export function verifyChain(events: readonly ChainedEvent[]): ChainVerification {
  let prevHash: string | null = null;
  for (const [index, event] of events.entries()) {
    const linked = event.revision === index && (event.metadata.prevHash ?? null) === prevHash;
    if (!linked || event.metadata.hash !== eventHash(event)) {
      return { valid: false, checkedEvents: index + 1, firstBrokenVersion: index + 1 };
    }
    prevHash = event.metadata.hash ?? null;
  }
  return { valid: true, checkedEvents: events.length, firstBrokenVersion: null };
}

/** How many streams the newest hash is remembered for; beyond it, the oldest is read again when needed. */
const REMEMBERED_STREAMS = 10_000;
/** 'any' and 'stream_exists' appends read the stream's end again this often when another writer gets there first. */
const RETRIES_ON_CONCURRENT_WRITE = 10;

/**
 * The event store with tamper evidence: every event appended is chained to the one before it in
 * its stream. The hash of each stream's newest event seen is kept (a stored event never changes,
 * so it is never stale) and the event before an append is read only when it is not known.
 *
 * 'any' and 'stream_exists' are appended at the exact version read just before, and read again
 * when another writer got there first, so two writers can never link to the same event. A retried
 * batch is recognised as the same write when it names the version it was first written at, as the
 * write path always does.
 */
export class HashChainedEventStore implements EventStore {
  private readonly newest = new Map<string, { version: number; hash: string | null }>();

  constructor(private readonly inner: EventStore) {}

  async append(streamId: string, events: EventToAppend[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) return this.inner.append(streamId, events, expectedVersion);
    if (typeof expectedVersion === 'number' || expectedVersion === 'no_stream') {
      return this.appendAt(streamId, events, expectedVersion, expectedVersion === 'no_stream' ? 0 : expectedVersion);
    }
    for (let attempt = 0; ; attempt++) {
      const [last] = await this.inner.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      if (!last && expectedVersion === 'stream_exists') {
        throw new ConcurrencyError(streamId, expectedVersion, 'no_stream');
      }
      const version = last ? last.revision + 1 : 0;
      if (last) this.remember(streamId, version, last.metadata.hash ?? null);
      try {
        return await this.appendAt(streamId, events, version, version);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= RETRIES_ON_CONCURRENT_WRITE) throw error;
      }
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events = await this.inner.readStream(streamId, options);
    for (const event of events) this.remember(streamId, event.revision + 1, event.metadata.hash ?? null);
    return events;
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  comparePositions(a: Position, b: Position): number {
    return this.inner.comparePositions(a, b);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async appendAt(
    streamId: string,
    events: EventToAppend[],
    expectedVersion: ExpectedVersion,
    version: number,
  ): Promise<AppendResult> {
    const chained = chainEvents(streamId, version, await this.hashAt(streamId, version), events);
    const result = await this.inner.append(streamId, chained, expectedVersion);
    this.remember(streamId, version + chained.length, chained[chained.length - 1].metadata.hash ?? null);
    return result;
  }

  /** The hash of the event that makes the stream `version` events long; null for an empty stream. */
  private async hashAt(streamId: string, version: number): Promise<string | null> {
    if (version === 0) return null;
    const known = this.newest.get(streamId);
    if (known?.version === version) return known.hash;
    const [event] = await this.inner.readStream(streamId, {
      direction: 'backwards',
      fromRevision: version - 1,
      maxCount: 1,
    });
    // No such event: the expected version is past the stream's end and the store refuses the append.
    return event?.revision === version - 1 ? (event.metadata.hash ?? null) : null;
  }

  private remember(streamId: string, version: number, hash: string | null): void {
    const known = this.newest.get(streamId);
    if (known && known.version >= version) return;
    this.newest.delete(streamId);
    this.newest.set(streamId, { version, hash });
    if (this.newest.size > REMEMBERED_STREAMS) this.newest.delete(this.newest.keys().next().value!);
  }
}
