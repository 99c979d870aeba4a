import { EventMetadata } from '../event-store/event-store.port';

/** Metadata as the write path stamps it, for tests that append events themselves. */
export function eventMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: 'test',
    commandId: 'test-command',
    correlationId: 'test-command',
    causationId: 'test-command',
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}
