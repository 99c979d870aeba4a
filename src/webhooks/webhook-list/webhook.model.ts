import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { WebhookEvent, WebhookFormat } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@ObjectType({ description: "A subscription to a team's events, sent to a URL" })
export class Webhook {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => [WebhookEvent])
  events!: (keyof typeof WebhookEvent)[];

  @Field(() => [ID])
  teamIds!: string[];

  @Field(() => WebhookFormat)
  format!: keyof typeof WebhookFormat;

  @Field(() => String, {
    nullable: true,
    description:
      'The signing secret of a STANDARD webhook (whsec_...): only in the answer to createWebhook, null everywhere else',
  })
  secret!: string | null;

  @Field()
  createdBy!: string;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => String, { nullable: true })
  deletedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deletedAt!: string | null;

  @Field(() => Int)
  version!: number;
}
