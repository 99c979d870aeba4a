import { badUserInput } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function encodeCursor(key: string): string {
  return Buffer.from(`cursor:${key}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('cursor:')) throw badUserInput('after', 'after is not a cursor returned by this API');
  return decoded.slice('cursor:'.length);
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `first must be a whole number from 0 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/**
 * A Relay page of items already in order; `keyOf` gives each item a key that sorts as the items
 * do, so a cursor still points to the right place after new items arrive.
 */
export function paginate<T>(
  ordered: readonly T[],
  keyOf: (item: T) => string,
  first: number | null | undefined,
  after: string | null | undefined,
): Connection<T> {
  const size = pageSize(first);
  let start = 0;
  if (after) {
    const afterKey = decodeCursor(after);
    start = ordered.findIndex((item) => keyOf(item) > afterKey);
    if (start < 0) start = ordered.length;
  }
  const slice = ordered.slice(start, start + size);
  const edges = slice.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + size < ordered.length,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount: ordered.length,
  };
}
