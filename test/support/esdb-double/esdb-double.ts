/* eslint-disable @typescript-eslint/no-require-imports */
import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
import { dirname, join } from 'node:path';

/**
 * An in-process server that speaks the EventStoreDB gRPC protocol (the parts the client uses for
 * appends, reads and `$all` subscriptions) over an in-memory log, so that the real
 * @eventstore/db-client can be exercised over real gRPC where no EventStoreDB can run.
 *
 * The client package ships the generated service definitions and messages but no .proto files.
 * They are loaded from the client's own directory because their serializers check `instanceof`
 * against the very message classes the client uses.
 */
const clientDir = dirname(require.resolve('@eventstore/db-client/package.json'));
const generated = (name: string) => require(join(clientDir, 'generated', name));
const streamsGrpc = generated('streams_grpc_pb.js');
const streamsPb = generated('streams_pb.js');
const sharedPb = generated('shared_pb.js');

/* The generated messages are untyped JavaScript; these are the few shapes the double touches. */
type Message = any;

export interface StoredEvent {
  streamName: string;
  revision: bigint;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the server sends them. */
  created: bigint;
  position: bigint;
}

/** The log outlives a server, so a test can stop the server and start another on the same data. */
export class InMemoryLog {
  readonly events: StoredEvent[] = [];
  readonly streams = new Map<string, StoredEvent[]>();
  readonly appended = new EventEmitter();
  private nextPosition = 1000n;
  private held: Array<() => void> | null = null;

  constructor() {
    this.appended.setMaxListeners(0);
  }

  write(proposed: Omit<StoredEvent, 'revision' | 'position' | 'created'>[], streamName: string): StoredEvent[] {
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    const written = proposed.map((p) => {
      const event: StoredEvent = {
        ...p,
        streamName,
        revision: BigInt(stream.length),
        created: BigInt(Date.now()) * 10_000n,
        position: this.nextPosition,
      };
      // Real positions are byte offsets in the transaction file: growing, with gaps.
      this.nextPosition += 100n + BigInt(p.data.length);
      stream.push(event);
      this.events.push(event);
      return event;
    });
    this.appended.emit('appended', written);
    return written;
  }

  /**
   * Live deliveries to subscriptions wait, in order, until `releaseSubscriptions()`: the replicas
   * following `$all` fall behind while appends and reads go on, as behind a slow network link.
   */
  holdSubscriptions(): void {
    this.held ??= [];
  }

  releaseSubscriptions(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const deliver of waiting) deliver();
  }

  /** Runs a live delivery now, or when subscriptions are released. */
  deliver(send: () => void): void {
    if (this.held) this.held.push(send);
    else send();
  }

  /** A server writes its own statistics to `$`-prefixed streams; clients must skip them. */
  writeSystemEvent(): void {
    const stream = '$stats-127.0.0.1:2113';
    this.write(
      [
        {
          streamName: stream,
          id: globalThis.crypto.randomUUID(),
          type: '$statsCollected',
          contentType: 'application/json',
          data: Buffer.from('{"proc-cpu":1}'),
          customMetadata: new Uint8Array(),
        },
      ],
      stream,
    );
  }
}

export interface EsdbDouble {
  port: number;
  connectionString: string;
  log: InMemoryLog;
  /** Counts of calls by method, to show which protocol paths the client took. */
  calls: Map<string, number>;
  /** Drops every open call and stops listening, as a server that goes away. */
  stop(): Promise<void>;
}

export async function startEsdbDouble(options: { port?: number; log?: InMemoryLog } = {}): Promise<EsdbDouble> {
  const log = options.log ?? new InMemoryLog();
  const calls = new Map<string, number>();
  const count = (method: string) => calls.set(method, (calls.get(method) ?? 0) + 1);
  const server = new grpc.Server();
  const openCalls = new Set<{ cancel: () => void }>();

  // ServerFeatures is deliberately not served: the client gets UNIMPLEMENTED for
  // GetSupportedMethods and falls back from BatchAppend to the client-streaming Append.
  server.addService(streamsGrpc.StreamsService, {
    append: (call: grpc.ServerReadableStream<Message, Message>, callback: grpc.sendUnaryData<Message>) => {
      count('append');
      handleAppend(log, call, callback);
    },
    read: (call: grpc.ServerWritableStream<Message, Message>) => {
      count('read');
      handleRead(log, call, openCalls);
    },
    batchAppend: unimplemented,
    delete: unimplemented,
    tombstone: unimplemented,
  });

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  log.writeSystemEvent();

  return {
    port,
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    calls,
    stop: async () => {
      for (const call of openCalls) call.cancel();
      server.forceShutdown();
    },
  };
}

function unimplemented(_call: unknown, callback?: grpc.sendUnaryData<unknown>): void {
  const error = Object.assign(new Error('not served by the double'), { code: grpc.status.UNIMPLEMENTED });
  callback?.(error, null);
}

function handleAppend(
  log: InMemoryLog,
  call: grpc.ServerReadableStream<Message, Message>,
  callback: grpc.sendUnaryData<Message>,
): void {
  let options: Message = null;
  const proposed: Omit<StoredEvent, 'revision' | 'position' | 'created'>[] = [];
  let answered = false;
  const answer = (error: grpc.ServiceError | null, reply?: Message) => {
    if (answered) return;
    answered = true;
    callback(error, reply);
  };
  call.on('data', (request: Message) => {
    if (request.hasOptions()) {
      options = request.getOptions();
      return;
    }
    const message = request.getProposedMessage();
    const metadata = message.getMetadataMap();
    proposed.push({
      streamName: '',
      id: message.getId().getString(),
      type: metadata.get('type'),
      contentType: metadata.get('content-type'),
      data: message.getData_asU8(),
      customMetadata: message.getCustomMetadata_asU8(),
    });
  });
  call.on('error', () => answer(null, undefined));
  call.on('end', () => {
    if (!options) {
      answer(Object.assign(new Error('append without options'), { code: grpc.status.INVALID_ARGUMENT }) as never);
      return;
    }
    const streamName = Buffer.from(options.getStreamIdentifier().getStreamName_asU8()).toString('utf8');
    answer(null, decideAppend(log, streamName, options, proposed));
  });
}

/** Every path answers with success or wrong_expected_version: a reply with neither hangs the client. */
function decideAppend(
  log: InMemoryLog,
  streamName: string,
  options: Message,
  proposed: Omit<StoredEvent, 'revision' | 'position' | 'created'>[],
): Message {
  const stream = log.streams.get(streamName) ?? [];
  const current = stream.length === 0 ? null : BigInt(stream.length - 1);

  const retryFrom = idempotentRetryStart(stream, options, proposed);
  if (retryFrom !== null) {
    const success = new streamsPb.AppendResp.Success();
    success.setCurrentRevision(String(retryFrom + proposed.length - 1));
    // The server does not report where the original events were written.
    success.setNoPosition(new sharedPb.Empty());
    return new streamsPb.AppendResp().setSuccess(success);
  }

  const expectationHolds = options.hasAny()
    ? true
    : options.hasNoStream()
      ? current === null
      : options.hasStreamExists()
        ? current !== null
        : current !== null && BigInt(options.getRevision()) === current;
  if (!expectationHolds) {
    const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
    if (current === null) wrong.setCurrentNoStream(new sharedPb.Empty());
    else wrong.setCurrentRevision(String(current));
    if (options.hasAny()) wrong.setExpectedAny(new sharedPb.Empty());
    else if (options.hasNoStream()) wrong.setExpectedNoStream(new sharedPb.Empty());
    else if (options.hasStreamExists()) wrong.setExpectedStreamExists(new sharedPb.Empty());
    else wrong.setExpectedRevision(options.getRevision());
    return new streamsPb.AppendResp().setWrongExpectedVersion(wrong);
  }

  const written = log.write(proposed, streamName);
  const last = written[written.length - 1];
  const success = new streamsPb.AppendResp.Success();
  if (last) {
    success.setCurrentRevision(String(last.revision));
    const position = new streamsPb.AppendResp.Position();
    position.setCommitPosition(String(last.position));
    position.setPreparePosition(String(last.position));
    success.setPosition(position);
  } else if (current === null) {
    success.setNoStream(new sharedPb.Empty());
    success.setNoPosition(new sharedPb.Empty());
  } else {
    success.setCurrentRevision(String(current));
    success.setNoPosition(new sharedPb.Empty());
  }
  return new streamsPb.AppendResp().setSuccess(success);
}

/** The revision at which the same event ids were already written under the same expectation, if any. */
function idempotentRetryStart(
  stream: StoredEvent[],
  options: Message,
  proposed: Omit<StoredEvent, 'revision' | 'position' | 'created'>[],
): number | null {
  if (proposed.length === 0) return null;
  let start: number;
  if (options.hasNoStream()) start = 0;
  else if (options.hasRevision()) start = Number(options.getRevision()) + 1;
  else start = stream.findIndex((e) => e.id === proposed[0].id);
  if (start < 0 || start + proposed.length > stream.length) return null;
  return proposed.every((p, i) => stream[start + i].id === p.id) ? start : null;
}

function handleRead(
  log: InMemoryLog,
  call: grpc.ServerWritableStream<Message, Message>,
  openCalls: Set<{ cancel: () => void }>,
): void {
  const options = call.request.getOptions();
  if (options.hasSubscription()) {
    if (!options.hasAll()) {
      call.destroy(
        Object.assign(new Error('stream subscriptions are not served by the double'), {
          code: grpc.status.UNIMPLEMENTED,
        }),
      );
      return;
    }
    subscribeToAll(log, call, options, openCalls);
    return;
  }
  const backwards = options.getReadDirection() === 1;
  const count = Number(options.getCount());
  let selected: StoredEvent[];
  if (options.hasStream()) {
    const streamOptions = options.getStream();
    const name = Buffer.from(streamOptions.getStreamIdentifier().getStreamName_asU8()).toString('utf8');
    const stream = log.streams.get(name);
    if (!stream) {
      const notFound = new streamsPb.ReadResp.StreamNotFound();
      notFound.setStreamIdentifier(streamOptions.getStreamIdentifier());
      call.write(new streamsPb.ReadResp().setStreamNotFound(notFound));
      call.end();
      return;
    }
    const from = streamOptions.hasRevision()
      ? Number(streamOptions.getRevision())
      : streamOptions.hasEnd()
        ? stream.length - 1
        : 0;
    selected = backwards ? stream.slice(0, from + 1).reverse() : stream.slice(from);
  } else {
    const all = options.getAll();
    if (all.hasPosition()) {
      const from = BigInt(all.getPosition().getCommitPosition());
      selected = backwards
        ? log.events.filter((e) => e.position < from).reverse()
        : log.events.filter((e) => e.position >= from);
    } else if (all.hasEnd()) {
      selected = backwards ? [...log.events].reverse() : [];
    } else {
      selected = backwards ? [] : log.events;
    }
  }
  for (const event of selected.slice(0, count)) call.write(readEvent(event));
  call.end();
}

function subscribeToAll(
  log: InMemoryLog,
  call: grpc.ServerWritableStream<Message, Message>,
  options: Message,
  openCalls: Set<{ cancel: () => void }>,
): void {
  const all = options.getAll();
  const after = all.hasPosition() ? BigInt(all.getPosition().getCommitPosition()) : all.hasEnd() ? null : -1n;
  const matches = eventFilter(options);
  let ended = false;

  const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(globalThis.crypto.randomUUID());
  call.write(new streamsPb.ReadResp().setConfirmation(confirmation));

  const send = (events: StoredEvent[]) => {
    let skipped: StoredEvent | null = null;
    for (const event of events) {
      if (matches(event)) call.write(readEvent(event));
      else skipped = event;
    }
    // Filtered subscriptions report progress over skipped events with checkpoints.
    if (skipped) call.write(checkpoint(skipped.position));
  };

  const catchUp = after === null ? [] : log.events.filter((e) => e.position > after);
  send(catchUp);
  call.write(new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp()));

  const onAppended = (events: StoredEvent[]) => {
    log.deliver(() => {
      if (!ended) send(events);
    });
  };
  log.appended.on('appended', onAppended);
  const handle = {
    cancel: () => {
      finish();
      call.destroy(Object.assign(new Error('server shutting down'), { code: grpc.status.UNAVAILABLE }));
    },
  };
  openCalls.add(handle);
  const finish = () => {
    ended = true;
    log.appended.off('appended', onAppended);
    openCalls.delete(handle);
  };
  call.on('cancelled', finish);
  call.on('close', finish);
  call.on('error', finish);
}

function eventFilter(options: Message): (event: StoredEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter();
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : null;
  const prefixes: string[] = expression.getPrefixList();
  return (event) => {
    const value = onType ? event.type : event.streamName;
    if (regex) return regex.test(value);
    return prefixes.some((prefix) => value.startsWith(prefix));
  };
}

function checkpoint(position: bigint): Message {
  const message = new streamsPb.ReadResp.Checkpoint();
  message.setCommitPosition(String(position));
  message.setPreparePosition(String(position));
  return new streamsPb.ReadResp().setCheckpoint(message);
}

function readEvent(event: StoredEvent): Message {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedPb.UUID();
  id.setString(event.id);
  recorded.setId(id);
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(event.streamName, 'utf8'));
  recorded.setStreamIdentifier(identifier);
  recorded.setStreamRevision(String(event.revision));
  recorded.setCommitPosition(String(event.position));
  recorded.setPreparePosition(String(event.position));
  recorded.getMetadataMap().set('type', event.type);
  recorded.getMetadataMap().set('content-type', event.contentType);
  recorded.getMetadataMap().set('created', String(event.created));
  recorded.setCustomMetadata(event.customMetadata);
  recorded.setData(event.data);
  const read = new streamsPb.ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(String(event.position));
  return new streamsPb.ReadResp().setEvent(read);
}
