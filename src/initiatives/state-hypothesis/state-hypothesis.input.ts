import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { IsEntityId, VersionedInput } from '../../shared/graphql/command-input';

@InputType()
export class StateHypothesisInput extends VersionedInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field({ description: 'We believe that <change> for <who> will <measurable outcome>' })
  @IsString()
  @Length(1, 2000)
  statement!: string;
}
