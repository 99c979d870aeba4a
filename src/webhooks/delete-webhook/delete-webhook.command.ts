import { CommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { EntityCommand, EntityCommandHandler, Moment } from '../../shared/command-handling/entity-command';
import { decideWebhook, webhookDecider } from '../domain/webhook.decide';
import { WebhookEvent } from '../domain/webhook.events';
import { teamsOfWebhook, WebhookState } from '../domain/webhook.state';
import { requireDirectorOf } from '../webhook-command';

/** Stops a webhook: nothing more is sent to it, deliveries not yet made included. */
export class DeleteWebhookCommand extends EntityCommand<{ webhookId: string }> {}

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler extends EntityCommandHandler<DeleteWebhookCommand, WebhookState, WebhookEvent> {
  protected readonly entityType = webhookDecider;

  protected entityId({ fields }: DeleteWebhookCommand): string {
    return fields.webhookId;
  }

  protected authorize(principal: Principal, state: WebhookState): void {
    requireDirectorOf(principal, teamsOfWebhook(state), 'delete a webhook');
  }

  protected decide(state: WebhookState, { sender }: DeleteWebhookCommand, { now, id }: Moment) {
    return decideWebhook({ type: 'DeleteWebhook', webhookId: id, actor: sender.principal.sub, now }, state);
  }
}
