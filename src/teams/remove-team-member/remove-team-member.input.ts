import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEntityId, VersionedInput } from '../../shared/graphql/command-input';

@InputType()
export class RemoveTeamMemberInput extends VersionedInput {
  @Field(() => ID)
  @IsEntityId()
  teamId!: string;

  @Field(() => ID)
  @IsEntityId()
  memberId!: string;
}
