import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsString, Length } from 'class-validator';
import { IsEntityId, VersionedInput } from '../../shared/graphql/command-input';
import { IterationOutcome } from '../../shared/graphql/enums';

@InputType()
export class CompleteIterationInput extends VersionedInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => IterationOutcome)
  @IsIn(Object.values(IterationOutcome))
  outcome!: keyof typeof IterationOutcome;

  @Field()
  @IsString()
  @Length(1, 4000)
  learnings!: string;
}
