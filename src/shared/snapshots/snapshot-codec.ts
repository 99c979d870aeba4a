import { AppendOnlyList } from '../domain/append-only-list';

/**
 * Folded state as text, and back: plain JSON, with the few structures folded state holds beyond
 * it (Map, Set, AppendOnlyList) written as tagged objects. Decoding walks the parsed value once
 * instead of a JSON.parse reviver, which would be called for every value of a large snapshot.
 */
const MAP = '$map';
const SET = '$set';
const LIST = '$list';

export function encodeSnapshot(value: unknown): string {
  return JSON.stringify(value, function replace(this: unknown, _key, current: unknown) {
    if (current instanceof Map) return { [MAP]: [...current] };
    if (current instanceof Set) return { [SET]: [...current] };
    if (current instanceof AppendOnlyList) return { [LIST]: current.toArray() };
    return current;
  });
}

export function decodeSnapshot<T>(text: string): T {
  return revive(JSON.parse(text)) as T;
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as unknown;
      if (item !== null && typeof item === 'object') value[i] = revive(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  if (MAP in record) return new Map(revive(record[MAP]) as Array<[unknown, unknown]>);
  if (SET in record) return new Set(revive(record[SET]) as unknown[]);
  if (LIST in record) return AppendOnlyList.of(revive(record[LIST]) as unknown[]);
  for (const key in record) {
    const item = record[key];
    if (item !== null && typeof item === 'object') record[key] = revive(item);
  }
  return record;
}
