import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { EsdbDouble, InMemoryLog, startEsdbDouble } from '../../../../test/support/esdb-double/esdb-double';
import { eventMetadata } from '../../testing/metadata';
import { describeEventStoreContract } from '../event-store.contract';
import { EventStoreUnavailableError, EventToAppend, SubscriptionMessage } from '../event-store.port';
import { connectEventStoreDb, EsdbEventStore } from './esdb-event-store';

let double: EsdbDouble;

beforeAll(async () => {
  double = await startEsdbDouble();
});

afterAll(async () => {
  await double.stop();
});

describeEventStoreContract('EventStoreDB client over gRPC, against the protocol double', async () => {
  const store = await connectEventStoreDb(double.connectionString);
  return { store, teardown: () => store.close() };
});

// A real server runs the same suite when one is given, e.g. `docker compose up -d eventstore` and
// EVENTSTORE_TEST_CONNECTION_STRING=esdb://localhost:2113?tls=false.
const realServer = process.env.EVENTSTORE_TEST_CONNECTION_STRING;
if (realServer) {
  describeEventStoreContract('EventStoreDB client against a real EventStoreDB', async () => {
    const store = await connectEventStoreDb(realServer);
    return { store, teardown: () => store.close() };
  });
}

const event = (type: string): EventToAppend => ({
  id: randomUUID(),
  type,
  data: { type },
  metadata: eventMetadata(),
});

describe('EventStoreDB adapter', () => {
  it('appends through the client-streaming Append when the server lists no BatchAppend', async () => {
    const store = await connectEventStoreDb(double.connectionString);
    try {
      const before = double.calls.get('append') ?? 0;
      await store.append(`s-${randomUUID()}`, [event('A')], 'no_stream');
      expect(double.calls.get('append')).toBe(before + 1);
    } finally {
      await store.close();
    }
  });

  it('never returns system events from reads or subscriptions', async () => {
    const store = await connectEventStoreDb(double.connectionString);
    try {
      double.log.writeSystemEvent();
      const id = `s-${randomUUID()}`;
      await store.append(id, [event('Mine')], 'no_stream');
      double.log.writeSystemEvent();
      expect(double.log.events.some((e) => e.type.startsWith('$'))).toBe(true);
      expect((await store.readAll()).filter((e) => e.type.startsWith('$'))).toEqual([]);

      const subscription = store.subscribeToAll();
      const types: string[] = [];
      for await (const message of subscription) {
        if (message.kind === 'caught-up') break;
        types.push(message.event.type);
      }
      await subscription.close();
      expect(types).toContain('Mine');
      expect(types.filter((t) => t.startsWith('$'))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('pages through the global log past system events', async () => {
    const log = new InMemoryLog();
    const own = await startEsdbDouble({ log });
    const store = await connectEventStoreDb(own.connectionString);
    try {
      const id = `s-${randomUUID()}`;
      for (let i = 0; i < 5; i++) {
        await store.append(id, [event(`E${i}`)], i);
        log.writeSystemEvent();
      }
      const [first] = await store.readAll({ maxCount: 1 });
      const page = await store.readAll({ after: first.position, maxCount: 3 });
      expect(page.map((e) => e.type)).toEqual(['E1', 'E2', 'E3']);
    } finally {
      await store.close();
      await own.stop();
    }
  });

  it('keeps a subscription going when the server goes away and comes back, without gap or duplicate', async () => {
    const log = new InMemoryLog();
    const first = await startEsdbDouble({ log });
    const store = await connectEventStoreDb(first.connectionString, { reconnectDelayMs: 20, maxReconnectDelayMs: 100 });
    const id = `s-${randomUUID()}`;
    try {
      await store.append(id, [event('Before')], 'no_stream');
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const received: SubscriptionMessage[] = [];
      const next = async () => {
        const result = await iterator.next();
        received.push(result.value as SubscriptionMessage);
        return result.value as SubscriptionMessage;
      };
      expect(await next()).toMatchObject({ kind: 'event', event: { type: 'Before' } });
      expect(await next()).toMatchObject({ kind: 'caught-up' });

      await first.stop();
      const second = await startEsdbDouble({ log, port: first.port });
      try {
        // The store's own client reconnects too: the append goes through it.
        await expect(appendWithRetry(store, id, event('After'), 1)).resolves.toMatchObject({ nextVersion: 2 });
        expect(await next()).toMatchObject({ kind: 'event', event: { type: 'After' } });
        await subscription.close();
        expect(received.filter((m) => m.kind === 'caught-up')).toHaveLength(1);
        expect(received.filter((m) => m.kind === 'event').map((m) => m.kind === 'event' && m.event.type)).toEqual([
          'Before',
          'After',
        ]);
      } finally {
        await second.stop();
      }
    } finally {
      await store.close();
    }
  });

  it('reports the server being away as EventStoreUnavailableError, and writes again once it is back', async () => {
    const log = new InMemoryLog();
    const first = await startEsdbDouble({ log });
    const store = await connectEventStoreDb(first.connectionString);
    const id = `s-${randomUUID()}`;
    try {
      await store.append(id, [event('Before')], 'no_stream');
      await first.stop();
      await expect(store.append(id, [event('Lost')], 1)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readStream(id)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(log.streams.get(id)).toHaveLength(1);

      const second = await startEsdbDouble({ log, port: first.port });
      try {
        await expect(appendWithRetry(store, id, event('After'), 1)).resolves.toMatchObject({ nextVersion: 2 });
        expect((await store.readStream(id)).map((e) => e.type)).toEqual(['Before', 'After']);
      } finally {
        await second.stop();
      }
    } finally {
      await store.close();
    }
  });

  it('orders positions by commit then prepare, as fixed-width text', async () => {
    const store = await connectEventStoreDb(double.connectionString);
    try {
      const a = await store.append(`s-${randomUUID()}`, [event('A')], 'no_stream');
      const b = await store.append(`s-${randomUUID()}`, [event('B')], 'no_stream');
      expect(a.position).toMatch(/^\d{20}\/\d{20}$/);
      expect(store.comparePositions(a.position, b.position)).toBeLessThan(0);
      expect(a.position < b.position).toBe(true);
      expect(() => store.comparePositions('12', b.position)).toThrow('Not a position of this store');
    } finally {
      await store.close();
    }
  });

  describe('connecting', () => {
    it('rejects a malformed connection string with one line naming the variable', async () => {
      const error = await connectEventStoreDb('esdb://:::nonsense').catch((e) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error.message).toMatch(/^EVENTSTORE_CONNECTION_STRING: /);
      expect(error.message).not.toContain('\n');
    });

    it('gives up on an unreachable server within the timeout, with one line', async () => {
      const port = await freePort();
      const error = await connectEventStoreDb(`esdb://127.0.0.1:${port}?tls=false`, { timeoutMs: 500 }).catch((e) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error.message).toMatch(/^EVENTSTORE_CONNECTION_STRING: no answer from EventStoreDB within 500 ms/);
      expect(error.message).not.toContain('\n');
    });
  });
});

async function appendWithRetry(store: EsdbEventStore, streamId: string, e: EventToAppend, expected: number) {
  // The first call after an outage may fail while the client opens a new channel; a command
  // retried with the same event id is idempotent.
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.append(streamId, [e], expected);
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
