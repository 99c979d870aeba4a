import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { CommandHandling } from '../../shared/command-handling/command-handling';
import { NotFound } from '../../shared/domain/not-found';
import { ID_PATTERN, ID_RULE, IdempotentInput, IdField } from '../../shared/graphql/command-input';
import { WebhookEvent, WebhookFormat } from '../../shared/graphql/enums';
import { ReadModels } from '../../shared/projections/read-models';
import { webhookDecider } from '../domain/webhook.decide';
import { WEBHOOK_EVENTS, WebhookEventKind } from '../domain/webhook.events';
import { toWebhook } from '../webhook-command';
import { webhookListProjection } from '../webhook-list/webhook-list.projection';
import { Webhook } from '../webhook-list/webhook.model';
import { CreateWebhookCommand } from './create-webhook.command';

@InputType()
export class CreateWebhookInput extends IdempotentInput {
  @IdField({ nullable: true, description: 'Chosen id; generated when omitted' })
  webhookId?: string;

  @Field({
    description: 'Where to POST: an http or https URL reachable at a public address (see WEBHOOK_ALLOWED_NETWORKS)',
  })
  @IsString()
  @Length(1, 2000)
  url!: string;

  @Field(() => [WebhookEvent], { description: 'What to send' })
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENTS.length * 2)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events!: WebhookEventKind[];

  @Field(() => [ID], { description: 'Whose events to send: teams the token covers' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ID_PATTERN, { each: true, message: `each of teamIds ${ID_RULE}` })
  teamIds!: string[];

  @Field(() => WebhookFormat, { nullable: true, defaultValue: 'STANDARD' })
  @IsOptional()
  @IsIn(['STANDARD', 'SLACK'])
  format?: keyof typeof WebhookFormat;
}

@Resolver(() => Webhook)
export class CreateWebhookResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readModels: ReadModels,
    private readonly commands: CommandHandling,
  ) {}

  @Mutation(() => Webhook, {
    description: 'Subscribes a URL to events of teams; the answer shows the signing secret, which nothing shows again',
  })
  async createWebhook(
    @Args('input') input: CreateWebhookInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Webhook> {
    const outcome = await this.commandBus.execute(new CreateWebhookCommand(input, principal));
    await this.readModels.include(outcome);
    const view = this.readModels.views(webhookListProjection).get(outcome.id);
    if (!view) throw new NotFound('webhook', outcome.id);
    // The answer to a creation retried with its commandId shows the secret again, to its creator only.
    const state = await this.commands.load(webhookDecider, outcome.id);
    const secret = state.status !== 'NEW' && state.createdBy === principal.sub ? state.secret : null;
    return toWebhook(view, secret);
  }
}
