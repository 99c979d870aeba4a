import { Field, ID, ObjectType } from '@nestjs/graphql';
import { FeedbackKind } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@ObjectType()
export class Feedback {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field(() => ID, { description: 'Whose feedback it is: a member of the team' })
  authorId!: string;

  @Field(() => ID, {
    description:
      'Who recorded it (the subject of their token): the author, or a director or manager who heard it from the author',
  })
  recordedBy!: string;

  @Field(() => FeedbackKind)
  kind!: keyof typeof FeedbackKind;

  @Field()
  text!: string;

  @Field(() => DateTimeScalar)
  submittedAt!: string;
}
