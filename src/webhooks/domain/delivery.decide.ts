import { Decider, EntityType } from '../../shared/domain/decider';
import { ignoreUnknownEvent } from '../../shared/domain/exhaustive';
import { AttemptOutcome, DeliveryEvent, DeliveryOf, deliveryStreamId } from './delivery.events';

const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;

/** Retries go on for at least this long after the first attempt before a delivery is given up. */
export const RETRY_WINDOW_MS = 24 * HOUR_MS;
/** The first retry waits about this long; each further one twice as long as the one before... */
export const FIRST_RETRY_DELAY_MS = 10 * SECOND_MS;
/** ...up to this. */
export const MAX_RETRY_DELAY_MS = HOUR_MS;
/** How much of a response body is kept: enough to read an error, not to store a receiver's data. */
export const DELIVERY_EXCERPT_MAX = 200;

/**
 * The wait after failed attempt number `attempt` (1-based): exponential back-off, capped, spread
 * by ±25% so that receivers that came back up are not hit by every sender at the same instant.
 * `jitter` is a number in [0, 1) the caller draws.
 */
export function retryDelayMs(attempt: number, jitter: number): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.min(attempt - 1, 30));
  return Math.round(exponential * (0.75 + 0.5 * Math.min(Math.max(jitter, 0), 1)));
}

interface Attempts {
  count: number;
  firstAttemptAt: string;
}

export interface DeliveryLogState {
  /** Attempts made so far, per delivery not yet finished. */
  attempts: ReadonlyMap<string, Attempts>;
  /** Deliveries that succeeded or were given up. */
  finished: ReadonlySet<string>;
}

export const initialDeliveryLogState: DeliveryLogState = { attempts: new Map(), finished: new Set() };

export function evolveDeliveryLog(state: DeliveryLogState, event: DeliveryEvent): DeliveryLogState {
  switch (event.type) {
    case 'DeliveryAttemptFailed': {
      const previous = state.attempts.get(event.data.deliveryId);
      const attempts = new Map(state.attempts).set(event.data.deliveryId, {
        count: event.data.attempt,
        firstAttemptAt: previous?.firstAttemptAt ?? event.data.attemptedAt,
      });
      return { ...state, attempts };
    }
    case 'DeliverySucceeded':
    case 'DeliveryFailed': {
      const attempts = new Map(state.attempts);
      attempts.delete(event.data.deliveryId);
      return { attempts, finished: new Set(state.finished).add(event.data.deliveryId) };
    }
    default:
      return ignoreUnknownEvent(event, state);
  }
}

export type RecordDeliveryAttempt = {
  type: 'RecordDeliveryAttempt';
  delivery: DeliveryOf;
  /** True when the receiver answered with a 2xx status. */
  delivered: boolean;
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  /** A number in [0, 1) drawn by the caller, which spreads the next retry. */
  jitter: number;
  now: string;
};

/**
 * Records how an attempt went: delivered, or failed with the next attempt scheduled, or failed
 * for good once retries have gone on for RETRY_WINDOW_MS. A delivery already finished records
 * nothing more, so an attempt recorded twice (a retried append) changes nothing.
 */
export function decideDeliveryAttempt(command: RecordDeliveryAttempt, state: DeliveryLogState): DeliveryEvent[] {
  const { delivery, now } = command;
  if (state.finished.has(delivery.deliveryId)) return [];
  const previous = state.attempts.get(delivery.deliveryId);
  const outcome: AttemptOutcome = {
    attempt: (previous?.count ?? 0) + 1,
    responseStatus: command.responseStatus,
    responseExcerpt: command.responseExcerpt === null ? null : command.responseExcerpt.slice(0, DELIVERY_EXCERPT_MAX),
    error: command.error,
    attemptedAt: now,
  };
  if (command.delivered) return [{ type: 'DeliverySucceeded', data: { ...delivery, ...outcome } }];
  const firstAttemptAt = previous?.firstAttemptAt ?? now;
  if (Date.parse(now) - Date.parse(firstAttemptAt) >= RETRY_WINDOW_MS) {
    return [{ type: 'DeliveryFailed', data: { ...delivery, ...outcome } }];
  }
  const nextAttemptAt = new Date(Date.parse(now) + retryDelayMs(outcome.attempt, command.jitter)).toISOString();
  return [{ type: 'DeliveryAttemptFailed', data: { ...delivery, ...outcome, nextAttemptAt } }];
}

/** The deliveries to one webhook: one stream per webhook, written only by the dispatcher. */
export const deliveryLogDecider: Decider<RecordDeliveryAttempt, DeliveryLogState, DeliveryEvent> &
  EntityType<DeliveryLogState, DeliveryEvent> = {
  entity: 'deliveries',
  streamId: deliveryStreamId,
  initialState: () => initialDeliveryLogState,
  evolve: evolveDeliveryLog,
  decide: decideDeliveryAttempt,
};
