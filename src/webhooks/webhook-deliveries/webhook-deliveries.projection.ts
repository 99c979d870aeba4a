import { AppendOnlyList } from '../../shared/domain/append-only-list';
import { defineProjection } from '../../shared/projections/projection';
import { DeliveryEvent } from '../domain/delivery.events';
import { WebhookEventKind } from '../domain/webhook.events';

export type DeliveryStatus = 'PENDING' | 'RETRYING' | 'DELIVERED' | 'FAILED';

export interface DeliveryView {
  id: string;
  webhookId: string;
  eventId: string;
  event: WebhookEventKind;
  status: DeliveryStatus;
  attempts: number;
  lastResponseCode: number | null;
  lastResponseExcerpt: string | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
}

/**
 * The deliveries of one webhook that have been attempted, in the order they were made. Only
 * the newest can still change (deliveries to one webhook go one at a time, in the order of the
 * log), so the finished ones are appended once and never copied again.
 */
export interface WebhookDeliveries {
  finished: AppendOnlyList<DeliveryView>;
  current: DeliveryView | null;
}

export const webhookDeliveriesProjection = defineProjection<DeliveryEvent, WebhookDeliveries>({
  name: 'webhook-deliveries',
  events: ['DeliveryAttemptFailed', 'DeliverySucceeded', 'DeliveryFailed'],
  keyOf: (event) => event.data.webhookId,
  evolve(log = { finished: AppendOnlyList.empty(), current: null }, event) {
    const { deliveryId, webhookId, eventId, attempt, responseStatus, responseExcerpt, error, attemptedAt } = event.data;
    const attempted: DeliveryView = {
      id: deliveryId,
      webhookId,
      eventId,
      event: event.data.event,
      status: 'RETRYING',
      attempts: attempt,
      lastResponseCode: responseStatus,
      lastResponseExcerpt: responseExcerpt,
      lastError: error,
      lastAttemptAt: attemptedAt,
      nextAttemptAt: null,
    };
    // An unfinished delivery that is not this one can only be left from a webhook since deleted.
    const finished = log.current && log.current.id !== deliveryId ? log.finished.append(log.current) : log.finished;
    switch (event.type) {
      case 'DeliveryAttemptFailed':
        return { finished, current: { ...attempted, nextAttemptAt: event.data.nextAttemptAt } };
      case 'DeliverySucceeded':
        return { finished: finished.append({ ...attempted, status: 'DELIVERED' }), current: null };
      case 'DeliveryFailed':
        return { finished: finished.append({ ...attempted, status: 'FAILED' }), current: null };
    }
  },
});

/** Every attempted delivery of a webhook, oldest first. */
export function attemptedDeliveries(log: WebhookDeliveries | undefined): DeliveryView[] {
  if (!log) return [];
  return log.current ? [...log.finished, log.current] : log.finished.toArray();
}
