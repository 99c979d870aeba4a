import { Position } from '../../shared/event-store/event-store.port';
import { defineProjection } from '../../shared/projections/projection';
import { WebhookEvent, WebhookEventKind, WebhookFormat } from '../domain/webhook.events';

/** A webhook as lists show it: never its secret, which the creation answer shows once. */
export interface WebhookView {
  id: string;
  url: string;
  events: readonly WebhookEventKind[];
  teamIds: readonly string[];
  format: WebhookFormat;
  createdBy: string;
  createdAt: string;
  deletedBy: string | null;
  deletedAt: string | null;
  version: number;
  /** Where the subscription starts and ends in the log: it is sent the events between the two. */
  createdPosition: Position;
  deletedPosition: Position | null;
}

export const webhookListProjection = defineProjection<WebhookEvent, WebhookView>({
  name: 'webhook-list',
  events: ['WebhookCreated', 'WebhookDeleted'],
  keyOf: (event) => event.data.webhookId,
  evolve(view, event) {
    const version = event.revision + 1;
    switch (event.type) {
      case 'WebhookCreated': {
        const { webhookId, url, events, teamIds, format, createdBy, createdAt } = event.data;
        return {
          id: webhookId,
          url,
          events,
          teamIds,
          format,
          createdBy,
          createdAt,
          deletedBy: null,
          deletedAt: null,
          version,
          createdPosition: event.position,
          deletedPosition: null,
        };
      }
      case 'WebhookDeleted':
        return {
          ...view!,
          version,
          deletedBy: event.data.deletedBy,
          deletedAt: event.data.deletedAt,
          deletedPosition: event.position,
        };
    }
  },
});
