import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { IsEntityId, VersionedInput } from '../../shared/graphql/command-input';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@InputType()
export class StartIterationInput extends VersionedInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field({ description: 'What changes in this build-measure-learn loop' })
  @IsString()
  @Length(1, 2000)
  change!: string;

  @Field(() => DateTimeScalar)
  @IsString()
  plannedEndAt!: string;
}
