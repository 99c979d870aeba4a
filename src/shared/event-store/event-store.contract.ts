import { randomUUID } from 'node:crypto';
import { createUpcasting } from '../domain/upcasting';
import { eventMetadata } from '../testing/metadata';
import {
  ConcurrencyError,
  EventMetadata,
  EventStore,
  EventToAppend,
  Position,
  RecordedEvent,
  Subscription,
} from './event-store.port';
import { HashChainedEventStore, verifyChain } from './hash-chain';
import { VersionedEventStore } from './versioned-event-store';

export interface EventStoreUnderTest {
  store: EventStore;
  /** Called after each test; should release everything the factory opened. */
  teardown?: () => Promise<void>;
}

/** A small history of schema changes of its own, so the decorators are checked apart from pilotlog's events. */
const upcasting = createUpcasting({ ThingNamed: 2 }, [
  { type: 'ThingNamed', fromVersion: 1, upcast: ({ name, ...rest }) => ({ ...rest, title: name }) },
]);

/** The adapter as the service uses it: versioned and upcast, hash-chained on append. */
function decorated(store: EventStore): EventStore {
  return new VersionedEventStore(new HashChainedEventStore(store), upcasting);
}

/**
 * The behaviour every adapter must show, on its own and under the decorators the service puts
 * around it (schema versions and the hash chain). Tests only look at streams they created, so the
 * suite also runs against a shared, long-lived server (a real EventStoreDB).
 */
export function describeEventStoreContract(name: string, factory: () => Promise<EventStoreUnderTest>): void {
  describePortContract(name, factory);
  describePortContract(`${name}, versioned and hash-chained`, async () => {
    const under = await factory();
    return { ...under, store: decorated(under.store) };
  });
  describeDecorators(name, factory);
}

function describeDecorators(name: string, factory: () => Promise<EventStoreUnderTest>): void {
  describe(`EventStore decorators: ${name}`, () => {
    let stored: EventStore;
    let teardown: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store: stored, teardown } = await factory());
    });
    afterEach(() => teardown?.());

    const stream = () => `decorated-${randomUUID()}`;
    const event = (type: string, data: Record<string, unknown> = {}, metadata: Partial<EventMetadata> = {}) =>
      ({ id: randomUUID(), type, data, metadata: eventMetadata(metadata) }) satisfies EventToAppend;

    it('chains every event to the one before it in its stream, whichever replica appends and however', async () => {
      const id = stream();
      // Two replicas: one store, a decorator (and its memory of the newest hashes) each.
      const [one, two] = [decorated(stored), decorated(stored)];
      await one.append(id, [event('A')], 'no_stream');
      await two.append(id, [event('B'), event('C')], 1);
      await one.append(id, [event('D')], 3);
      await two.append(id, [event('E')], 'any');
      await one.append(id, [event('F')], 'stream_exists');
      const events = await stored.readStream(id);
      expect(events.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
      expect(events[0].metadata.prevHash).toBeNull();
      expect(verifyChain(events)).toEqual({ valid: true, checkedEvents: 6, firstBrokenVersion: null });
    });

    it('never links two concurrent appends to the same event', async () => {
      const id = stream();
      const [one, two] = [decorated(stored), decorated(stored)];
      await one.append(id, [event('A')], 'no_stream');
      const contested = await Promise.allSettled([one.append(id, [event('B1')], 1), two.append(id, [event('B2')], 1)]);
      expect(contested.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      await Promise.all([one.append(id, [event('C1')], 'any'), two.append(id, [event('C2')], 'any')]);
      const events = await stored.readStream(id);
      expect(events).toHaveLength(4);
      expect(verifyChain(events).valid).toBe(true);
    });

    it('writes the schema version of each type, and hands out older events upcast wherever they are read', async () => {
      const id = stream();
      const store = decorated(stored);
      await stored.append(id, [event('ThingNamed', { name: 'old' }, { schemaVersion: 1 })], 'no_stream');
      await store.append(id, [event('ThingNamed', { title: 'new' }), event('OtherThing')], 1);

      expect((await stored.readStream(id)).map((e) => [e.data, e.metadata.schemaVersion])).toEqual([
        [{ name: 'old' }, 1],
        [{ title: 'new' }, 2],
        [{}, 1],
      ]);
      const today = [
        { data: { title: 'old' }, schemaVersion: 2 },
        { data: { title: 'new' }, schemaVersion: 2 },
        { data: {}, schemaVersion: 1 },
      ];
      const shape = (events: RecordedEvent[]) =>
        events.filter((e) => e.streamId === id).map((e) => ({ data: e.data, schemaVersion: e.metadata.schemaVersion }));
      expect(shape(await store.readStream(id))).toEqual(today);
      expect(shape(await store.readAll())).toEqual(today);

      const subscription = store.subscribeToAll();
      const received: RecordedEvent[] = [];
      try {
        for await (const message of subscription) {
          if (message.kind === 'caught-up') break;
          received.push(message.event);
        }
      } finally {
        await subscription.close();
      }
      expect(shape(received)).toEqual(today);
    });
  });
}

function describePortContract(name: string, factory: () => Promise<EventStoreUnderTest>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let teardown: (() => Promise<void>) | undefined;
    const openSubscriptions: Subscription[] = [];

    beforeEach(async () => {
      ({ store, teardown } = await factory());
    });

    afterEach(async () => {
      await Promise.all(openSubscriptions.splice(0).map((s) => s.close()));
      await teardown?.();
    });

    const stream = (prefix = 'contract') => `${prefix}-${randomUUID()}`;
    const event = (type: string, data: Record<string, unknown> = {}, metadata: Partial<EventMetadata> = {}) =>
      ({
        id: randomUUID(),
        type,
        data,
        metadata: eventMetadata(metadata),
      }) satisfies EventToAppend;

    async function collect(subscription: Subscription, until: (events: RecordedEvent[]) => boolean) {
      openSubscriptions.push(subscription);
      const events: RecordedEvent[] = [];
      let caughtUp = false;
      for await (const message of subscription) {
        if (message.kind === 'caught-up') caughtUp = true;
        else events.push(message.event);
        if (until(events)) break;
      }
      return { events, caughtUp };
    }

    it('round-trips id, type, data and metadata', async () => {
      const id = stream();
      const e = event(
        'ThingHappened',
        { n: 1, nested: { list: [1, 'two', null] } },
        { actor: 'alice', commandId: 'c1' },
      );
      const result = await store.append(id, [e], 'no_stream');
      expect(result.nextVersion).toBe(1);
      const [read] = await store.readStream(id);
      expect(read).toMatchObject({ id: e.id, streamId: id, revision: 0, type: 'ThingHappened', data: e.data });
      expect(read.metadata).toMatchObject(e.metadata);
      expect(read.position).toBe(result.position);
    });

    it('returns the next version and a position that grows', async () => {
      const id = stream();
      const first = await store.append(id, [event('A'), event('B')], 'no_stream');
      const second = await store.append(id, [event('C')], 2);
      expect(first.nextVersion).toBe(2);
      expect(second.nextVersion).toBe(3);
      expect(store.comparePositions(second.position, first.position)).toBeGreaterThan(0);
      expect(store.comparePositions(first.position, first.position)).toBe(0);
      expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store.readStream(stream())).toEqual([]);
    });

    describe('expected version', () => {
      it('no_stream succeeds on a new stream and conflicts on an existing one', async () => {
        const id = stream();
        await store.append(id, [event('A')], 'no_stream');
        const error = await store.append(id, [event('B')], 'no_stream').catch((e) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 1 });
      });

      it('stream_exists conflicts on a new stream and succeeds on an existing one', async () => {
        const id = stream();
        const error = await store.append(id, [event('A')], 'stream_exists').catch((e) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        await store.append(id, [event('A')], 'no_stream');
        await expect(store.append(id, [event('B')], 'stream_exists')).resolves.toMatchObject({ nextVersion: 2 });
      });

      it('any never conflicts', async () => {
        const id = stream();
        await expect(store.append(id, [event('A')], 'any')).resolves.toMatchObject({ nextVersion: 1 });
        await expect(store.append(id, [event('B')], 'any')).resolves.toMatchObject({ nextVersion: 2 });
      });

      it('an exact version succeeds when current and conflicts when stale, carrying expected and actual', async () => {
        const id = stream();
        await store.append(id, [event('A'), event('B')], 0);
        await store.append(id, [event('C')], 2);
        const error = await store.append(id, [event('D')], 2).catch((e) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: id, expected: 2, actual: 3 });
        expect(await store.readStream(id)).toHaveLength(3);
      });

      it('an exact version ahead of the stream conflicts', async () => {
        const id = stream();
        await store.append(id, [event('A')], 'no_stream');
        await expect(store.append(id, [event('B')], 5)).rejects.toBeInstanceOf(ConcurrencyError);
      });
    });

    it('treats appending the same event ids at the same version as an idempotent success', async () => {
      const id = stream();
      const batch = [event('A'), event('B')];
      const first = await store.append(id, batch, 'no_stream');
      await store.append(id, [event('C')], 2);
      const retry = await store.append(id, batch, 'no_stream');
      expect(retry).toEqual(first);
      const retryAtVersion = await store.append(id, batch, 0);
      expect(retryAtVersion).toEqual(first);
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('does not mistake other event ids at that version for a retry', async () => {
      const id = stream();
      await store.append(id, [event('A')], 'no_stream');
      await expect(store.append(id, [event('A')], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
    });

    it('lets exactly one of two concurrent appends on one version win', async () => {
      const id = stream();
      await store.append(id, [event('A')], 'no_stream');
      const results = await Promise.allSettled([
        store.append(id, [event('B1')], 1),
        store.append(id, [event('B2')], 1),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('keeps one global order across streams', async () => {
      const a = stream('a');
      const b = stream('b');
      const first = await store.append(a, [event('A1')], 'no_stream');
      await store.append(b, [event('B1')], 'no_stream');
      await store.append(a, [event('A2')], 1);
      await store.append(b, [event('B2')], 1);
      const ours = (await store.readAll()).filter((e) => e.streamId === a || e.streamId === b);
      expect(ours.map((e) => e.type)).toEqual(['A1', 'B1', 'A2', 'B2']);
      const positions = ours.map((e) => e.position);
      for (let i = 1; i < positions.length; i++) {
        expect(store.comparePositions(positions[i], positions[i - 1])).toBeGreaterThan(0);
      }
      const after = (await store.readAll({ after: first.position })).filter(
        (e) => e.streamId === a || e.streamId === b,
      );
      expect(after.map((e) => e.type)).toEqual(['B1', 'A2', 'B2']);
    });

    it('reads the global log in pages', async () => {
      const id = stream();
      const start = await store.append(id, [event('Zero')], 'no_stream');
      await store.append(id, [event('E1'), event('E2'), event('E3')], 1);
      const page = await store.readAll({ after: start.position, maxCount: 2 });
      expect(page.map((e) => e.type)).toEqual(['E1', 'E2']);
    });

    it('reads a stream forwards and backwards from a revision with a max count', async () => {
      const id = stream();
      await store.append(
        id,
        ['E0', 'E1', 'E2', 'E3', 'E4'].map((t) => event(t)),
        'no_stream',
      );
      expect((await store.readStream(id, { fromRevision: 1, maxCount: 2 })).map((e) => e.type)).toEqual(['E1', 'E2']);
      expect((await store.readStream(id, { direction: 'backwards' })).map((e) => e.type)).toEqual([
        'E4',
        'E3',
        'E2',
        'E1',
        'E0',
      ]);
      expect(
        (await store.readStream(id, { direction: 'backwards', fromRevision: 3, maxCount: 2 })).map((e) => e.revision),
      ).toEqual([3, 2]);
    });

    it('subscribes from the start: every event in order, then caught-up', async () => {
      const id = stream();
      await store.append(id, [event('A'), event('B')], 'no_stream');
      await store.append(id, [event('C')], 2);
      const subscription = store.subscribeToAll();
      openSubscriptions.push(subscription);
      const ours: string[] = [];
      let caughtUpAfter: string[] | null = null;
      for await (const message of subscription) {
        if (message.kind === 'caught-up') {
          caughtUpAfter = [...ours];
          break;
        }
        if (message.event.streamId === id) ours.push(message.event.type);
      }
      expect(caughtUpAfter).toEqual(['A', 'B', 'C']);
    });

    it('subscribes from a checkpoint, delivering only later events', async () => {
      const id = stream();
      const checkpoint = await store.append(id, [event('Before')], 'no_stream');
      await store.append(id, [event('After1'), event('After2')], 1);
      const { events } = await collect(
        store.subscribeToAll({ after: checkpoint.position }),
        (seen) => seen.filter((e) => e.streamId === id).length >= 2,
      );
      expect(events.filter((e) => e.streamId === id).map((e) => e.type)).toEqual(['After1', 'After2']);
    });

    it('delivers live appends after catching up, with no gap and no duplicate', async () => {
      const id = stream();
      let last: Position | undefined;
      for (let i = 0; i < 3; i++) last = (await store.append(id, [event(`Old${i}`)], i)).position;
      const subscription = store.subscribeToAll({ after: last });
      openSubscriptions.push(subscription);
      const received: string[] = [];
      const iterator = subscription[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.value).toMatchObject({ kind: 'caught-up' });
      const writer = (async () => {
        for (let i = 0; i < 20; i++) await store.append(id, [event(`Live${i}`)], 3 + i);
      })();
      while (received.length < 20) {
        const next = await iterator.next();
        if (next.done) break;
        if (next.value.kind === 'event' && next.value.event.streamId === id) received.push(next.value.event.type);
      }
      await writer;
      expect(received).toEqual(Array.from({ length: 20 }, (_, i) => `Live${i}`));
    });

    it('reads a stream up to an instant of occurredAt, combined with direction, start and count', async () => {
      const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T09:00:00.000Z`;
      const id = stream();
      // Out of time order on purpose: a later revision may carry an earlier clock reading.
      const days = [1, 2, 5, 3, 8];
      await store.append(
        id,
        days.map((day, i) => event('T', { i }, { occurredAt: at(day) })),
        'no_stream',
      );
      await store.append(stream(), [event('T', {}, { occurredAt: at(1) })], 'no_stream');
      const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
        (await store.readStream(id, options)).map((e) => e.revision);

      expect(await revisions({ untilOccurredAt: at(3) })).toEqual([0, 1, 3]);
      expect(await revisions({ untilOccurredAt: at(8) })).toEqual([0, 1, 2, 3, 4]);
      expect(await revisions({ untilOccurredAt: '2025-12-31T00:00:00.000Z' })).toEqual([]);
      expect(await revisions({ untilOccurredAt: at(5), direction: 'backwards', maxCount: 2 })).toEqual([3, 2]);
      expect(await revisions({ untilOccurredAt: at(5), fromRevision: 2 })).toEqual([2, 3]);
      expect(await revisions({ untilOccurredAt: at(5), maxCount: 2 })).toEqual([0, 1]);
    });

    it('stores large payloads', async () => {
      const id = stream();
      const big = 'x'.repeat(512 * 1024);
      const items = Array.from({ length: 2000 }, (_, i) => ({ i, label: `item ${i}` }));
      await store.append(id, [event('Big', { big, items })], 'no_stream');
      const [read] = await store.readStream(id);
      expect((read.data.big as string).length).toBe(big.length);
      expect(read.data.items).toEqual(items);
    });

    it('stores unicode text exactly', async () => {
      const id = stream();
      const text = 'Équipe 北京 — 🚀 naïve façade ﷽ \u0000 end';
      await store.append(id, [event('Unicode', { text }, { actor: 'zoë' })], 'no_stream');
      const [read] = await store.readStream(id);
      expect(read.data.text).toBe(text);
      expect(read.metadata.actor).toBe('zoë');
    });
  });
}
