import { Module } from '@nestjs/common';
import { AlertReview } from './alert-review';
import { CreateWebhookHandler } from './create-webhook/create-webhook.command';
import { CreateWebhookResolver } from './create-webhook/create-webhook.resolver';
import { DeleteWebhookHandler } from './delete-webhook/delete-webhook.command';
import { DeleteWebhookResolver } from './delete-webhook/delete-webhook.resolver';
import { WebhookDeliveriesResolver } from './webhook-deliveries/webhook-deliveries.resolver';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookListResolver } from './webhook-list/webhook-list.resolver';

/** Webhooks: subscriptions, their deliveries from the log, and the alerts raised as time passes. */
@Module({
  providers: [
    WebhookListResolver,
    WebhookDeliveriesResolver,
    CreateWebhookHandler,
    CreateWebhookResolver,
    DeleteWebhookHandler,
    DeleteWebhookResolver,
    AlertReview,
    WebhookDispatcher,
  ],
})
export class WebhooksModule {}
