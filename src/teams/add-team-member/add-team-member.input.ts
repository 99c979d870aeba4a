import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsEntityId, VersionedInput } from '../../shared/graphql/command-input';
import { MemberRole } from '../../shared/graphql/enums';

@InputType()
export class AddTeamMemberInput extends VersionedInput {
  @Field(() => ID)
  @IsEntityId()
  teamId!: string;

  @Field(() => ID)
  @IsEntityId()
  memberId!: string;

  @Field()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => MemberRole)
  @IsIn(Object.values(MemberRole))
  role!: keyof typeof MemberRole;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  managerId?: string;
}
