import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeliveryStatus, WebhookEvent } from '../../shared/graphql/enums';
import { PageInfo } from '../../shared/graphql/page-info.model';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@ObjectType({ description: 'One event sent (or to be sent) to one webhook' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The webhook-id header: the same on every attempt' })
  id!: string;

  @Field(() => ID)
  webhookId!: string;

  @Field(() => ID, { description: 'The event of the log the message tells of' })
  eventId!: string;

  @Field(() => WebhookEvent)
  event!: keyof typeof WebhookEvent;

  @Field(() => DeliveryStatus)
  status!: keyof typeof DeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last answer; null when none came' })
  lastResponseCode!: number | null;

  @Field(() => String, { nullable: true, description: 'The first 200 characters of the last answer' })
  lastResponseExcerpt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' })
  lastError!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lastAttemptAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  nextAttemptAt!: string | null;
}

@ObjectType()
export class WebhookDeliveryEdge {
  @Field()
  cursor!: string;

  @Field(() => WebhookDelivery)
  node!: WebhookDelivery;
}

@ObjectType()
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges!: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
