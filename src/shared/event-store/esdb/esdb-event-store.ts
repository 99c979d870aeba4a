import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  ANY,
  AppendExpectedRevision,
  BACKWARDS,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  Position as EsdbPosition,
  ResolvedEvent,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  AppendResult,
  ConcurrencyError,
  EventStore,
  EventStoreUnavailableError,
  EventToAppend,
  ExpectedVersion,
  EventMetadata,
  JsonObject,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from '../event-store.port';

export interface EsdbEventStoreOptions {
  /** First wait before resubscribing after the server went away; doubles up to `maxReconnectDelayMs`. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
}

const PAGE_SIZE = 1000;

/**
 * The EventStore port on EventStoreDB. Versions here count events while EventStoreDB revisions
 * are 0-based, so expected version N is revision N - 1 (and 0 is `no_stream`). Positions are the
 * server's commit/prepare pair written as one fixed-width string. System events (types starting
 * with `$`) are never returned.
 */
export class EsdbEventStore implements EventStore {
  private readonly reconnectDelayMs: number;
  private readonly maxReconnectDelayMs: number;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private closed = false;

  constructor(
    readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.reconnectDelayMs = options.reconnectDelayMs ?? 100;
    this.maxReconnectDelayMs = options.maxReconnectDelayMs ?? 5000;
  }

  async append(streamId: string, events: EventToAppend[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    if (events.length === 0) return this.appendNothing(streamId, expectedVersion);
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
        { expectedRevision: toExpectedRevision(expectedVersion) },
      );
      const nextVersion = Number(result.nextExpectedRevision) + 1;
      // The server answers an idempotent retry without a position; it is the position of the
      // last event of the original batch.
      const position = result.position
        ? encodePosition(result.position)
        : (await this.readStream(streamId, { fromRevision: nextVersion - 1, maxCount: 1 }))[0].position;
      return { nextVersion, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new ConcurrencyError(streamId, expectedVersion, toActualVersion(error.actualVersion));
      }
      throw unavailableOr(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const fromRevision = options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision);
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const until = options.untilOccurredAt;
    // EventStoreDB has no index on our occurredAt: with a bound, read on and keep what matches.
    const inTime = (event: RecordedEvent) => until === undefined || event.metadata.occurredAt <= until;
    try {
      const events: RecordedEvent[] = [];
      const reading = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision,
        maxCount: until === undefined ? maxCount : Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of reading) {
        const event = toRecordedEvent(resolved);
        if (!inTime(event)) continue;
        events.push(event);
        if (events.length >= maxCount) {
          // A half-read stream is never finished, and the client's dispose() waits for it.
          await reading.cancel();
          break;
        }
      }
      return events;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw unavailableOr(error);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const events: RecordedEvent[] = [];
    let after = options.after;
    // The server reads from a position inclusively and returns system events: read in pages,
    // skip both, until the page comes back short.
    for (;;) {
      const page = await this.readAllPage(after, Math.min(PAGE_SIZE, maxCount - events.length) + 1);
      const fresh = after === undefined ? page : page.filter((e) => this.comparePositions(e.position, after!) > 0);
      for (const resolved of fresh) {
        after = resolved.position;
        if (isUserEvent(resolved.type) && events.length < maxCount) events.push(resolved);
      }
      if (events.length >= maxCount || fresh.length === 0) return events;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription = new EsdbSubscription(this, options.after, this.reconnectDelayMs, this.maxReconnectDelayMs);
    this.subscriptions.add(subscription);
    subscription.onClose(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  comparePositions(a: Position, b: Position): number {
    const [commitA, prepareA] = decodePosition(a);
    const [commitB, prepareB] = decodePosition(b);
    if (commitA !== commitB) return commitA < commitB ? -1 : 1;
    if (prepareA !== prepareB) return prepareA < prepareB ? -1 : 1;
    return 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private async readAllPage(after: Position | undefined, maxCount: number): Promise<RecordedEvent[]> {
    const page: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll({
        fromPosition: after === undefined ? START : toEsdbPosition(after),
        maxCount,
        direction: FORWARDS,
      })) {
        if (resolved.event) page.push(toRecordedEvent(resolved));
      }
    } catch (error) {
      throw unavailableOr(error);
    }
    return page;
  }

  /** EventStoreDB rejects empty appends; check the expectation by reading the stream's last event. */
  private async appendNothing(streamId: string, expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    const actual = last ? last.revision + 1 : 'no_stream';
    const matches =
      expectedVersion === 'any' ||
      (expectedVersion === 'no_stream' && actual === 'no_stream') ||
      (expectedVersion === 'stream_exists' && actual !== 'no_stream') ||
      expectedVersion === (actual === 'no_stream' ? 0 : actual);
    if (!matches) throw new ConcurrencyError(streamId, expectedVersion, actual);
    return { nextVersion: last ? last.revision + 1 : 0, position: last?.position ?? encodePosition(ZERO) };
  }
}

/**
 * One catch-up subscription to `$all` that survives the server going away: it resubscribes from
 * the last delivered event, and says `caught-up` only once.
 */
class EsdbSubscription implements Subscription {
  private closed = false;
  private current: AllStreamSubscription | null = null;
  private wake: (() => void) | null = null;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    private readonly store: EsdbEventStore,
    private checkpoint: Position | undefined,
    private readonly reconnectDelayMs: number,
    private readonly maxReconnectDelayMs: number,
  ) {}

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake?.();
    const current = this.current;
    this.current = null;
    await current?.unsubscribe().catch(() => undefined);
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    let caughtUp = false;
    let delay = this.reconnectDelayMs;
    while (!this.closed && !this.store.isClosed) {
      const upstream = this.store.client.subscribeToAll({
        fromPosition: this.checkpoint === undefined ? START : toEsdbPosition(this.checkpoint),
        filter: excludeSystemEvents(),
      });
      this.current = upstream;
      // The client reports catching up as a stream event, outside the data it yields; pushing a
      // marker from inside that event keeps it in order with the events around it.
      upstream.on('caughtUp', () => upstream.push(CAUGHT_UP));
      try {
        for await (const item of upstream as AsyncIterable<AllStreamResolvedEvent | CaughtUpMarker>) {
          if (this.closed) return;
          if (item instanceof CaughtUpMarker) {
            if (!caughtUp) {
              caughtUp = true;
              yield { kind: 'caught-up', position: this.checkpoint };
            }
            continue;
          }
          if (!item.event) continue;
          const event = toRecordedEvent(item);
          this.checkpoint = event.position;
          delay = this.reconnectDelayMs;
          yield { kind: 'event', event };
        }
      } catch {
        // The server went away or cancelled the call: resubscribe from the checkpoint below.
      }
      if (this.closed) return;
      await this.pause(delay);
      delay = Math.min(delay * 2, this.maxReconnectDelayMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = () => done();
      this.wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

class CaughtUpMarker {}
const CAUGHT_UP = new CaughtUpMarker();

const ZERO: EsdbPosition = { commit: 0n, prepare: 0n };

/** Wide enough for any unsigned 64-bit position; fixed width keeps positions sortable as text. */
const POSITION_DIGITS = 20;

function encodePosition(position: EsdbPosition): Position {
  return `${position.commit.toString().padStart(POSITION_DIGITS, '0')}/${position.prepare
    .toString()
    .padStart(POSITION_DIGITS, '0')}`;
}

function decodePosition(position: Position): [bigint, bigint] {
  const match = /^(\d+)\/(\d+)$/.exec(position);
  if (!match) throw new Error(`Not a position of this store: ${position}`);
  return [BigInt(match[1]), BigInt(match[2])];
}

function toEsdbPosition(position: Position): EsdbPosition {
  const [commit, prepare] = decodePosition(position);
  return { commit, prepare };
}

function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected === 0 ? NO_STREAM : BigInt(expected - 1);
  }
}

function toActualVersion(actual: bigint | 'no_stream' | undefined): number | 'no_stream' {
  return typeof actual === 'bigint' ? Number(actual) + 1 : 'no_stream';
}

function isUserEvent(type: string): boolean {
  return !type.startsWith('$');
}

function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event || !event.position) {
    throw new EventStoreUnavailableError('EventStoreDB returned an event without a position');
  }
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    type: event.type,
    data: (event.isJson ? event.data : {}) as JsonObject,
    metadata: (isJsonObject(event.metadata) ? event.metadata : {}) as unknown as EventMetadata,
    position: encodePosition(event.position),
  };
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array);
}

export interface ConnectOptions extends EsdbEventStoreOptions {
  /** How long start-up waits for the server to answer before giving up. */
  timeoutMs?: number;
}

/**
 * Parses the connection string and waits for the server to answer one read, so that a bad or
 * unreachable store stops start-up with one line instead of failing the first request.
 */
export async function connectEventStoreDb(
  connectionString: string,
  options: ConnectOptions = {},
): Promise<EsdbEventStore> {
  const timeoutMs = options.timeoutMs ?? 5000;
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    throw new EventStoreUnavailableError(`EVENTSTORE_CONNECTION_STRING: ${oneLine(error)}`);
  }
  try {
    const probe = client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1, deadline: timeoutMs });
    // Read to the end rather than break: a half-read stream is never finished, and the client's
    // dispose() waits for every stream it handed out.
    for await (const _ of probe);
  } catch (error) {
    await client.dispose().catch(() => undefined);
    throw new EventStoreUnavailableError(
      `EVENTSTORE_CONNECTION_STRING: no answer from EventStoreDB within ${timeoutMs} ms (${oneLine(error)})`,
    );
  }
  return new EsdbEventStore(client, options);
}

/**
 * A server that cannot be reached (or answers too late) is the port's EventStoreUnavailableError,
 * so callers can tell "try again shortly" from a fault.
 */
function unavailableOr(error: unknown): unknown {
  if (error instanceof UnavailableError || error instanceof DeadlineExceededError) {
    return new EventStoreUnavailableError(`EventStoreDB is unavailable (${oneLine(error)})`);
  }
  return error;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim();
}
