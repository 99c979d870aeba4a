import { streamIdOf } from '../../shared/domain/decider';
import { WebhookEventKind } from './webhook.events';

/** Which event of the log a delivery carries to which webhook. */
export interface DeliveryOf {
  webhookId: string;
  /** The id receivers see (webhook-id): the same on every attempt, so they can drop a repeat. */
  deliveryId: string;
  /** The id of the event in the log the message tells of. */
  eventId: string;
  event: WebhookEventKind;
}

/** How one attempt went: the receiver's status and the start of its answer, or why nothing was sent. */
export interface AttemptOutcome {
  attempt: number;
  responseStatus: number | null;
  /** At most DELIVERY_EXCERPT_MAX characters of the response body. */
  responseExcerpt: string | null;
  error: string | null;
  attemptedAt: string;
}

export type DeliverySucceeded = { type: 'DeliverySucceeded'; data: DeliveryOf & AttemptOutcome };
export type DeliveryAttemptFailed = {
  type: 'DeliveryAttemptFailed';
  data: DeliveryOf & AttemptOutcome & { nextAttemptAt: string };
};
/** Given up after the retry window: visible in webhookDeliveries, never sent again. */
export type DeliveryFailed = { type: 'DeliveryFailed'; data: DeliveryOf & AttemptOutcome };

export type DeliveryEvent = DeliverySucceeded | DeliveryAttemptFailed | DeliveryFailed;
export type DeliveryEventType = DeliveryEvent['type'];

/** Every delivery to one webhook, in the order they were made. */
export const deliveryStreamId = (webhookId: string): string => streamIdOf('deliveries', webhookId);
