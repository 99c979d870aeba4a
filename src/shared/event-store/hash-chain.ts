import { createHash } from 'node:crypto';
import { EventToAppend, JsonObject } from './event-store.port';

/**
 * Tamper evidence: every event's metadata carries the hash of the previous event of its stream
 * (`prevHash`) and its own `hash`, SHA-256 over a canonical encoding of stream id, version, type,
 * data and metadata without `hash`. Altering any stored byte of an event breaks its hash, and
 * removing or reordering events breaks the chain.
 */
export interface ChainedEvent {
  streamId: string;
  /** 0-based revision of the event in its stream. */
  revision: number;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(event: ChainedEvent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const canonical = canonicalJson({
    streamId: event.streamId,
    version: event.revision + 1,
    type: event.type,
    data: event.data,
    metadata,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** Adds `prevHash` and `hash` to events about to be appended at `firstRevision`. */
export function chainEvents(
  streamId: string,
  firstRevision: number,
  previousHash: string | null,
  events: EventToAppend[],
): EventToAppend[] {
  let prevHash = previousHash;
  return events.map((event, index) => {
    const metadata: JsonObject = { ...event.metadata, prevHash };
    const hash = eventHash({ streamId, revision: firstRevision + index, type: event.type, data: event.data, metadata });
    prevHash = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
}

export interface ChainVerification {
  valid: boolean;
  checkedEvents: number;
  /** 1-based version of the first event whose hash or link does not check out. */
  firstBrokenVersion: number | null;
}

/** Checks a whole stream, read forwards from its first event. */
export function verifyChain(events: readonly ChainedEvent[]): ChainVerification {
  let prevHash: string | null = null;
  for (const [index, event] of events.entries()) {
    const linked = event.revision === index && (event.metadata.prevHash ?? null) === prevHash;
    if (!linked || event.metadata.hash !== eventHash(event)) {
      return { valid: false, checkedEvents: index + 1, firstBrokenVersion: index + 1 };
    }
    prevHash = event.metadata.hash as string;
  }
  return { valid: true, checkedEvents: events.length, firstBrokenVersion: null };
}
