import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsString, Length } from 'class-validator';
import { IdempotentInput, IsEntityId } from '../../shared/graphql/command-input';
import { FeedbackKind } from '../../shared/graphql/enums';

@InputType()
export class SubmitFeedbackInput extends IdempotentInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID)
  @IsEntityId()
  authorId!: string;

  @Field(() => FeedbackKind)
  @IsIn(Object.values(FeedbackKind))
  kind!: keyof typeof FeedbackKind;

  @Field()
  @IsString()
  @Length(1, 2000)
  text!: string;
}
