import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Principal } from '../../shared/auth/principal';
import { CommandHandling } from '../../shared/command-handling/command-handling';
import { EntityCommand, EntityCommandHandler, Moment } from '../../shared/command-handling/entity-command';
import { decideWebhook, webhookDecider } from '../domain/webhook.decide';
import { WebhookEvent, WebhookEventKind, WebhookFormat } from '../domain/webhook.events';
import { teamsOfWebhook, WebhookState } from '../domain/webhook.state';
import { requireDirectorOf } from '../webhook-command';

/** Subscribes a URL to some events of some teams; a STANDARD webhook gets a new signing secret. */
export class CreateWebhookCommand extends EntityCommand<{
  webhookId?: string;
  url: string;
  events: WebhookEventKind[];
  teamIds: string[];
  format?: WebhookFormat;
}> {}

/** A Standard Webhooks secret: 32 random bytes, base64, with the whsec_ prefix receivers expect. */
function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler extends EntityCommandHandler<CreateWebhookCommand, WebhookState, WebhookEvent> {
  protected readonly entityType = webhookDecider;
  protected override readonly creates = true;

  constructor(
    commands: CommandHandling,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(commands);
  }

  protected entityId({ fields, sender }: CreateWebhookCommand): string {
    return this.commands.newId('webhook', sender, fields.webhookId);
  }

  protected authorize(principal: Principal, state: WebhookState, { fields }: CreateWebhookCommand): void {
    // A retried creation is checked against the webhook as created, the first one against its input.
    requireDirectorOf(principal, state.status === 'NEW' ? fields.teamIds : teamsOfWebhook(state), 'create a webhook');
  }

  protected decide(state: WebhookState, { fields, sender }: CreateWebhookCommand, { now, id }: Moment) {
    const format = fields.format ?? 'STANDARD';
    return decideWebhook(
      {
        type: 'CreateWebhook',
        webhookId: id,
        url: fields.url,
        events: fields.events,
        teamIds: fields.teamIds,
        format,
        secret: format === 'STANDARD' ? newSigningSecret() : null,
        allowedNetworks: this.config.webhooks.allowedNetworks,
        actor: sender.principal.sub,
        now,
      },
      state,
    );
  }
}
