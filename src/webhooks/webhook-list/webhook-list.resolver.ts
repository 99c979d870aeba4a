import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { canRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { webhookStreamId } from '../domain/webhook.events';
import { requireWebhookReader, toWebhook } from '../webhook-command';
import { webhookListProjection } from './webhook-list.projection';
import { Webhook } from './webhook.model';

@Resolver(() => Webhook)
export class WebhookListResolver {
  constructor(private readonly readModels: ReadModels) {
    readModels.register(webhookListProjection);
  }

  @Query(() => [Webhook], {
    description:
      'Webhooks of the teams the token covers, oldest first (a director or an auditor); deleted ones with includeDeleted; or as they stood at asOf',
  })
  async webhooks(
    @CurrentPrincipal() principal: Principal,
    @Args('teamId', { type: () => ID, nullable: true }) teamId?: string,
    @Args('includeDeleted', { type: () => Boolean, nullable: true, defaultValue: false }) includeDeleted?: boolean,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Webhook[]> {
    requireWebhookReader(principal, teamId ? [teamId] : []);
    const visible = [...this.readModels.views(webhookListProjection).values()].filter(
      (webhook) =>
        webhook.teamIds.every((id) => canRead(principal, id)) && (!teamId || webhook.teamIds.includes(teamId)),
    );
    const at = await this.readModels.at(asOf, {
      projections: [webhookListProjection],
      streams: visible.map((webhook) => webhookStreamId(webhook.id)),
    });
    const views = at.of(webhookListProjection);
    return visible
      .flatMap((webhook) => views.get(webhook.id) ?? [])
      .filter((webhook) => includeDeleted || webhook.deletedAt === null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((webhook) => toWebhook(webhook));
  }
}
