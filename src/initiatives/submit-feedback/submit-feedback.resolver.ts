import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsIn, IsString, Length } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdempotentInput, IdField } from '../../shared/graphql/command-input';
import { FeedbackKind } from '../../shared/graphql/enums';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutation } from '../initiative-command';
import { SubmitFeedbackCommand } from './submit-feedback.command';

@InputType()
export class SubmitFeedbackInput extends IdempotentInput {
  @IdField()
  initiativeId!: string;

  @IdField({
    nullable: true,
    description:
      'Whose feedback it is; the signed-in person when left out. A director or manager may name a member whose ' +
      'feedback they heard: the feedback then shows them as recordedBy',
  })
  authorId?: string;

  @Field(() => FeedbackKind)
  @IsIn(Object.values(FeedbackKind))
  kind!: keyof typeof FeedbackKind;

  @Field()
  @IsString()
  @Length(1, 2000)
  text!: string;
}

@Resolver(() => Initiative)
export class SubmitFeedbackResolver extends InitiativeMutation {
  @Mutation(() => Initiative, { description: 'Submits a suggestion, concern or praise from a team member' })
  submitFeedback(@Args('input') input: SubmitFeedbackInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new SubmitFeedbackCommand(input, principal));
  }
}
