import { ignoreUnknownEvent } from '../../shared/domain/exhaustive';
import { WebhookCreated, WebhookEvent } from './webhook.events';

export type WebhookSettings = WebhookCreated['data'];

export type WebhookState =
  | { status: 'NEW' }
  | (WebhookSettings & { status: 'ACTIVE' })
  | (WebhookSettings & { status: 'DELETED'; deletedAt: string });

export const initialWebhookState: WebhookState = { status: 'NEW' };

export function evolveWebhook(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookCreated':
      return { ...event.data, status: 'ACTIVE' };
    case 'WebhookDeleted':
      return state.status === 'ACTIVE' ? { ...state, status: 'DELETED', deletedAt: event.data.deletedAt } : state;
    default:
      return ignoreUnknownEvent(event, state);
  }
}

/** The teams a webhook listens to: who may see and change it is decided on them. */
export function teamsOfWebhook(state: WebhookState): readonly string[] {
  return state.status === 'NEW' ? [] : state.teamIds;
}
