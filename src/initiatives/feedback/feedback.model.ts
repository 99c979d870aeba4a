import { Field, ID, ObjectType } from '@nestjs/graphql';
import { FeedbackKind } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@ObjectType()
export class Feedback {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field(() => ID)
  authorId!: string;

  @Field(() => FeedbackKind)
  kind!: keyof typeof FeedbackKind;

  @Field()
  text!: string;

  @Field(() => DateTimeScalar)
  submittedAt!: string;
}
