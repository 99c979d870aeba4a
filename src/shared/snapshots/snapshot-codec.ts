import { AppendOnlyList } from '../domain/append-only-list';

/**
 * Folded state as text, and back: plain JSON, with the few structures folded state holds beyond
 * it (Map, Set, AppendOnlyList) written as tagged objects. Long lists of records with the same
 * fields (a metric's readings, a pilot's measurements) are written as rows: the field names once,
 * each distinct string once, and every row as numbers, so a snapshot of a million readings is
 * parsed in a fraction of the time and its records share their strings again once read.
 *
 * Decoding walks the parsed value once instead of a JSON.parse reviver, which would be called
 * for every value of a large snapshot.
 */
const MAP = '$map';
const SET = '$set';
const LIST = '$list';
const ROWS = '$rows';

/** A null among the strings of a field written as indexes. */
const NULL_STRING = -1;

/** Lists shorter than this are written as they are: rows would not pay for their header. */
const MIN_ROWS = 16;

interface Rows {
  fields: string[];
  /** Per field: the distinct strings of a field whose values are all strings or null; null for any other field. */
  strings: Array<string[] | null>;
  /** Row after row, field after field: a string's index in its field's strings, any other value as is. */
  values: unknown[];
}

export function encodeSnapshot(value: unknown): string {
  return JSON.stringify(prepare(value));
}

/** The value as plain JSON data, tagged where it is more than that; a replacer would be called for every value. */
function prepare(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Map) return { [MAP]: [...value].map(prepare) };
  if (value instanceof Set) return { [SET]: [...value].map(prepare) };
  if (value instanceof AppendOnlyList) return { [LIST]: prepareList(value.toArray()) };
  if (Array.isArray(value)) return prepareList(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const record = value as Record<string, unknown>;
  const prepared: Record<string, unknown> = {};
  for (const key of Object.keys(record)) prepared[key] = prepare(record[key]);
  return prepared;
}

function prepareList(items: unknown[]): unknown {
  const rows = asRows(items);
  return rows ? { [ROWS]: rows } : items.map(prepare);
}

export function decodeSnapshot<T>(text: string): T {
  return revive(JSON.parse(text)) as T;
}

/** The items as rows when they are at least MIN_ROWS records with the same fields, all of plain values; null otherwise. */
function asRows(items: unknown[]): Rows | null {
  if (items.length < MIN_ROWS) return null;
  const first = items[0];
  if (!isPlainRecord(first)) return null;
  const fields = Object.keys(first);
  const onlyStrings = fields.map(() => true);
  for (const item of items) {
    if (!isPlainRecord(item)) return null;
    const keys = Object.keys(item);
    if (keys.length !== fields.length) return null;
    for (let f = 0; f < fields.length; f++) {
      if (keys[f] !== fields[f]) return null;
      const value = item[fields[f]];
      if (value === undefined || typeof value === 'function' || (value !== null && typeof value === 'object'))
        return null;
      if (typeof value !== 'string' && value !== null) onlyStrings[f] = false;
    }
  }
  const indexes = fields.map((_, f) => (onlyStrings[f] ? new Map<string, number>() : null));
  const values: unknown[] = new Array(items.length * fields.length);
  let v = 0;
  for (const item of items as Array<Record<string, unknown>>) {
    for (let f = 0; f < fields.length; f++) {
      const value = item[fields[f]];
      const index = indexes[f];
      if (index === null) {
        values[v++] = value;
        continue;
      }
      if (value === null) {
        values[v++] = NULL_STRING;
        continue;
      }
      let at = index.get(value as string);
      if (at === undefined) index.set(value as string, (at = index.size));
      values[v++] = at;
    }
  }
  return { fields, strings: indexes.map((index) => (index ? [...index.keys()] : null)), values };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

function records({ fields, strings, values }: Rows): Array<Record<string, unknown>> {
  const count = values.length / fields.length;
  const items = new Array<Record<string, unknown>>(count);
  let v = 0;
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {};
    for (let f = 0; f < fields.length; f++) {
      const dictionary = strings[f];
      const value = values[v++];
      if (dictionary === null) record[fields[f]] = value;
      else record[fields[f]] = value === NULL_STRING ? null : dictionary[value as number];
    }
    items[i] = record;
  }
  return items;
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
  if (ROWS in record) return records(record[ROWS] as Rows);
  if (MAP in record) return new Map(revive(record[MAP]) as Array<[unknown, unknown]>);
  if (SET in record) return new Set(revive(record[SET]) as unknown[]);
  if (LIST in record) return AppendOnlyList.of(revive(record[LIST]) as unknown[]);
  for (const key in record) {
    const item = record[key];
    if (item !== null && typeof item === 'object') record[key] = revive(item);
  }
  return record;
}
