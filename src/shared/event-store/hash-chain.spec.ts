import { eventMetadata } from '../testing/metadata';
import { canonicalJson, chainEvents, ChainedEvent, verifyChain } from './hash-chain';

function chained(count: number): ChainedEvent[] {
  const events = chainEvents(
    'initiative-1',
    0,
    null,
    Array.from({ length: count }, (_, i) => ({
      id: `e${i}`,
      type: 'Thing',
      data: { i },
      metadata: eventMetadata({ actor: 'a' }),
    })),
  );
  return events.map((e, revision) => ({
    streamId: 'initiative-1',
    revision,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
  }));
}

describe('hash chain', () => {
  it('encodes objects canonically, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe(canonicalJson({ a: [{ c: null, d: 2 }], b: 1 }));
  });

  it('links each event to the previous one of its stream', () => {
    const events = chained(3);
    expect(events[0].metadata.prevHash).toBeNull();
    expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
    expect(verifyChain(events)).toEqual({ valid: true, checkedEvents: 3, firstBrokenVersion: null });
  });

  it('continues a chain from the last stored hash', () => {
    const first = chained(2);
    const [next] = chainEvents('initiative-1', 2, first[1].metadata.hash as string, [
      { id: 'e2', type: 'Thing', data: { i: 2 }, metadata: eventMetadata() },
    ]);
    const all = [
      ...first,
      { streamId: 'initiative-1', revision: 2, type: next.type, data: next.data, metadata: next.metadata },
    ];
    expect(verifyChain(all).valid).toBe(true);
  });

  it('finds the version of an altered event', () => {
    const events = chained(4);
    events[2] = { ...events[2], data: { i: 99 } };
    expect(verifyChain(events)).toEqual({ valid: false, checkedEvents: 3, firstBrokenVersion: 3 });
  });

  it('finds a removed event by its broken link', () => {
    const events = chained(4);
    const withGap = [events[0], { ...events[2], revision: 1 }, { ...events[3], revision: 2 }];
    expect(verifyChain(withGap).firstBrokenVersion).toBe(2);
  });
});
