import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { NotFound } from '../../shared/domain/not-found';
import { Connection, paginate } from '../../shared/graphql/pagination';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { deliveryStreamId } from '../domain/delivery.events';
import { requireWebhookReader } from '../webhook-command';
import { WebhookDispatcher } from '../webhook-dispatcher';
import { webhookListProjection } from '../webhook-list/webhook-list.projection';
import { attemptedDeliveries, DeliveryView, webhookDeliveriesProjection } from './webhook-deliveries.projection';
import { WebhookDelivery, WebhookDeliveryConnection } from './webhook-delivery.model';

/** A delivery's place among the webhook's deliveries, as a key that sorts as they do. */
const keyOf = (index: number) => String(index).padStart(12, '0');

@Resolver(() => WebhookDelivery)
export class WebhookDeliveriesResolver {
  constructor(
    private readonly readModels: ReadModels,
    private readonly dispatcher: WebhookDispatcher,
  ) {
    readModels.register(webhookListProjection, webhookDeliveriesProjection);
  }

  @Query(() => WebhookDeliveryConnection, {
    description:
      'Deliveries of a webhook in the order of the log, oldest first: the ones made and those waiting; or as of asOf, those attempted by then',
  })
  async webhookDeliveries(
    @Args('webhookId', { type: () => ID }) webhookId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Connection<WebhookDelivery>> {
    const webhook = this.readModels.views(webhookListProjection).get(webhookId);
    if (!webhook) throw new NotFound('webhook', webhookId);
    requireWebhookReader(principal, webhook.teamIds);
    const at = await this.readModels.at(asOf, {
      projections: [webhookDeliveriesProjection],
      streams: [deliveryStreamId(webhookId)],
    });
    const attempted = attemptedDeliveries(at.of(webhookDeliveriesProjection).get(webhookId));
    const known = new Set(attempted.map((delivery) => delivery.id));
    const waiting: DeliveryView[] = asOf ? [] : this.dispatcher.waiting(webhookId).filter((d) => !known.has(d.id));
    const indexed = [...attempted, ...waiting].map((delivery, index) => ({ delivery, index }));
    const page = paginate(indexed, ({ index }) => keyOf(index), first, after);
    return { ...page, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: node.delivery })) };
  }
}
