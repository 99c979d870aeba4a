import { FoldedStream, StreamCommandIds, StreamStateCache } from './stream-state-cache';

const folded = (version: number): FoldedStream<{ version: number }> => ({
  state: { version },
  version,
  position: String(version),
  commandIds: StreamCommandIds.none(),
});

describe('StreamStateCache', () => {
  const evolve = () => undefined;
  const otherEvolve = () => undefined;

  it('answers a stream only for the fold it was folded with', () => {
    const cache = new StreamStateCache();
    cache.set('s', evolve, folded(3));
    expect(cache.get('s', evolve)?.version).toBe(3);
    expect(cache.get('s', otherEvolve)).toBeUndefined();
    expect(cache.get('t', evolve)).toBeUndefined();
  });

  it('never steps back to an older version of a stream', () => {
    const cache = new StreamStateCache();
    cache.set('s', evolve, folded(5));
    cache.set('s', evolve, folded(4));
    expect(cache.get('s', evolve)?.version).toBe(5);
    cache.set('s', evolve, folded(6));
    expect(cache.get('s', evolve)?.version).toBe(6);
  });

  it('drops the least recently used stream when full, and keeps nothing at capacity 0', () => {
    const cache = new StreamStateCache(2);
    cache.set('a', evolve, folded(1));
    cache.set('b', evolve, folded(1));
    cache.get('a', evolve);
    cache.set('c', evolve, folded(1));
    expect(cache.size).toBe(2);
    expect(cache.get('b', evolve)).toBeUndefined();
    expect(cache.get('a', evolve)).toBeDefined();
    expect(cache.get('c', evolve)).toBeDefined();

    const off = new StreamStateCache(0);
    off.set('a', evolve, folded(1));
    expect(off.size).toBe(0);
  });

  describe('commandIds of a stream', () => {
    it('answers for the events of its own version only, though later versions share its map', () => {
      const two = StreamCommandIds.none().followedBy(['c1', 'c2']);
      const four = two.followedBy(['c3', 'c3']);
      expect(two.has('c1') && two.has('c2')).toBe(true);
      expect(two.has('c3')).toBe(false);
      expect(four.has('c3')).toBe(true);
      // A fold of the same two events made again (after an eviction, or by a retry) agrees.
      expect(StreamCommandIds.none().followedBy(['c1', 'c2']).has('c3')).toBe(false);
    });

    it('skips events that carry no commandId', () => {
      const ids = StreamCommandIds.none().followedBy([undefined, 'c2']);
      expect(ids.has('c2')).toBe(true);
      expect(ids.has(undefined as unknown as string)).toBe(false);
    });
  });
});
