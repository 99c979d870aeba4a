import { FoldedStream, StreamStateCache } from './stream-state-cache';

const folded = (version: number): FoldedStream<{ version: number }> => ({
  state: { version },
  version,
  position: String(version),
  commandIds: new Set(),
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
});
