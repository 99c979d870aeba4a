import type { Upcaster } from '../../shared/domain/upcasting';
import type { AlertEventType } from './alert.events';
import type { DeliveryEventType } from './delivery.events';
import type { WebhookEventType } from './webhook.events';

/** Raise a version here, and add its upcaster below, whenever the shape of a stored event changes. */
export const WEBHOOK_SCHEMA_VERSIONS: Readonly<Record<WebhookEventType | DeliveryEventType | AlertEventType, number>> =
  {
    WebhookCreated: 1,
    WebhookDeleted: 1,
    DeliverySucceeded: 1,
    DeliveryAttemptFailed: 1,
    DeliveryFailed: 1,
    AlertRaised: 1,
    AlertCleared: 1,
  };

export const webhookUpcasters: readonly Upcaster[] = [];
