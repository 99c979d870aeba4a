import { encodeCursor, MAX_PAGE_SIZE, paginate } from './pagination';

const items = Array.from({ length: 7 }, (_, i) => ({ key: `k${i}` }));
const keyOf = (item: { key: string }) => item.key;

describe('Relay pagination', () => {
  it('pages through items with opaque cursors and a total count', () => {
    const first = paginate(items, keyOf, 3, null);
    expect(first.edges.map((e) => e.node.key)).toEqual(['k0', 'k1', 'k2']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('k2') });
    expect(first.totalCount).toBe(7);
    const last = paginate(items, keyOf, 3, paginate(items, keyOf, 3, first.pageInfo.endCursor).pageInfo.endCursor);
    expect(last.edges.map((e) => e.node.key)).toEqual(['k6']);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('keeps its place when an item is inserted before the cursor', () => {
    const page = paginate(items, keyOf, 2, null);
    const grown = [{ key: 'k0a' }, ...items].sort((a, b) => a.key.localeCompare(b.key));
    expect(paginate(grown, keyOf, 2, page.pageInfo.endCursor).edges.map((e) => e.node.key)).toEqual(['k2', 'k3']);
  });

  it('rejects a page size above the cap and a forged cursor, naming the argument', () => {
    expect(() => paginate(items, keyOf, MAX_PAGE_SIZE + 1, null)).toThrow(/first must be/);
    expect(() => paginate(items, keyOf, 2, 'bm90LWEtY3Vyc29y')).toThrow(/after is not a cursor/);
  });
});
