import { createHash, randomUUID } from 'node:crypto';
import { DomainEvent, Fold } from '../domain/decider';
import { ConcurrencyError, EventStore, EventToAppend, JsonObject, Position } from '../event-store/event-store.port';
import { FoldedStream, StreamCommandIds, StreamStateCache } from './stream-state-cache';

/** Who sent a command and how; the time comes from the service clock, never from the domain. */
export interface CommandMetadata<State = unknown> {
  actor: string;
  now: string;
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  /** The stream version the client saw; a different current version is a conflict. */
  expectedVersion?: number;
  /** The error for a command on an entity that does not exist yet; creation commands leave it out. */
  missingStream?: () => Error;
  /**
   * Refuses a sender who may not send this command to the entity as it stands. It runs on every
   * attempt before anything is decided or answered, a retried commandId included.
   */
  authorize?: (state: State) => void;
}

export interface CommandResult<State> {
  state: State;
  version: number;
  /** Position of the stream's last event, for waiting until read models include it. */
  position: Position | null;
  appended: number;
}

export interface CommandHandlingDependencies {
  /** The store as the service uses it: versioned and hash-chained on append (see event-catalog.ts). */
  store: EventStore;
  /** Folded states of recently written streams; without it every command folds its whole stream. */
  cache?: StreamStateCache;
}

const RETRIES_ON_CONCURRENT_WRITE = 3;

/**
 * Read the stream, fold, authorize, decide, append with the version read. A commandId already in
 * the stream answers as the first time and appends nothing; without an expectedVersion from the
 * client, a concurrent write is retried on fresh state.
 */
export async function handleCommand<State, Event extends DomainEvent>(
  deps: CommandHandlingDependencies,
  streamId: string,
  fold: Fold<State, Event>,
  decide: (state: State) => Event[] | Promise<Event[]>,
  meta: CommandMetadata<State>,
): Promise<CommandResult<State>> {
  const commandId = meta.commandId ?? randomUUID();
  for (let attempt = 0; ; attempt++) {
    const stream = await readStream(deps, streamId, fold);
    if (stream.version === 0 && meta.missingStream) throw meta.missingStream();
    meta.authorize?.(stream.state);
    if (meta.commandId !== undefined && stream.commandIds.has(meta.commandId)) {
      return { state: stream.state, version: stream.version, position: stream.position, appended: 0 };
    }
    if (meta.expectedVersion !== undefined && meta.expectedVersion !== stream.version) {
      throw new ConcurrencyError(streamId, meta.expectedVersion, stream.version === 0 ? 'no_stream' : stream.version);
    }
    const events = await decide(stream.state);
    if (events.length === 0) {
      return { state: stream.state, version: stream.version, position: stream.position, appended: 0 };
    }
    const toAppend = events.map((event, index) => toEventToAppend(streamId, event, index, commandId, meta));
    try {
      const result = await deps.store.append(streamId, toAppend, stream.version);
      const state = events.reduce(fold.evolve, stream.state);
      if (result.nextVersion === stream.version + events.length) {
        deps.cache?.set(streamId, fold.evolve, {
          state,
          version: result.nextVersion,
          position: result.position,
          commandIds: stream.commandIds.followedBy(events.map(() => commandId)),
        });
      }
      return { state, version: result.nextVersion, position: result.position, appended: events.length };
    } catch (error) {
      const clientChoseVersion = meta.expectedVersion !== undefined;
      if (!(error instanceof ConcurrencyError) || clientChoseVersion || attempt >= RETRIES_ON_CONCURRENT_WRITE)
        throw error;
    }
  }
}

/** Folds a stream into decider state, for commands that need another aggregate's current state. */
export async function loadState<State, Event extends DomainEvent>(
  deps: CommandHandlingDependencies,
  streamId: string,
  fold: Fold<State, Event>,
): Promise<{ state: State; version: number }> {
  const { state, version } = await readStream(deps, streamId, fold);
  return { state, version };
}

/** The stream folded from the cached state, reading only the events after it (all of them on a miss). */
async function readStream<State, Event extends DomainEvent>(
  deps: CommandHandlingDependencies,
  streamId: string,
  fold: Fold<State, Event>,
): Promise<FoldedStream<State>> {
  const cached = deps.cache?.get<State>(streamId, fold.evolve);
  const from = cached?.version ?? 0;
  const recorded = await deps.store.readStream(streamId, from > 0 ? { fromRevision: from } : {});
  if (cached && recorded.length === 0) return cached;
  let state = cached?.state ?? fold.initialState();
  for (const event of recorded) {
    // The store hands out events upcast to today's shape; their type names the domain event.
    state = fold.evolve(state, { type: event.type, data: event.data } as Event);
  }
  const folded: FoldedStream<State> = {
    state,
    version: from + recorded.length,
    position: recorded[recorded.length - 1]?.position ?? cached?.position ?? null,
    commandIds: (cached?.commandIds ?? StreamCommandIds.none()).followedBy(
      recorded.map((event) => event.metadata.commandId),
    ),
  };
  if (folded.version > 0) deps.cache?.set(streamId, fold.evolve, folded);
  return folded;
}

function toEventToAppend(
  streamId: string,
  event: DomainEvent,
  index: number,
  commandId: string,
  meta: CommandMetadata<never>,
): EventToAppend {
  return {
    // Derived from the commandId so that a retried append is recognised by the store as the same write.
    id: meta.commandId !== undefined ? deterministicUuid(`${streamId}|${meta.commandId}|${index}`) : randomUUID(),
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      actor: meta.actor,
      commandId,
      correlationId: meta.correlationId ?? commandId,
      causationId: meta.causationId ?? commandId,
      occurredAt: meta.now,
    },
  };
}

/** A name-based UUID (version 5 layout over SHA-1), stable for the same name. */
export function deterministicUuid(name: string): string {
  const bytes = createHash('sha1').update(`pilotlog:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
