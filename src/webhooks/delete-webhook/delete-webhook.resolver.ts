import { Args, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdField, VersionedInput } from '../../shared/graphql/command-input';
import { MutationResolver } from '../../shared/graphql/mutation-resolver';
import { ReadModelsAt } from '../../shared/time-travel/time-travel';
import { toWebhook } from '../webhook-command';
import { webhookListProjection } from '../webhook-list/webhook-list.projection';
import { Webhook } from '../webhook-list/webhook.model';
import { DeleteWebhookCommand } from './delete-webhook.command';

@InputType()
export class DeleteWebhookInput extends VersionedInput {
  @IdField()
  webhookId!: string;
}

@Resolver(() => Webhook)
export class DeleteWebhookResolver extends MutationResolver<Webhook> {
  protected readonly answer = (at: ReadModelsAt, id: string) => {
    const view = at.of(webhookListProjection).get(id);
    return view ? toWebhook(view) : null;
  };

  @Mutation(() => Webhook, { description: 'Deletes a webhook: nothing more is sent to it' })
  deleteWebhook(@Args('input') input: DeleteWebhookInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new DeleteWebhookCommand(input, principal));
  }
}
