import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsEntityId, VersionedInput } from '../../shared/graphql/command-input';
import { DecisionKind } from '../../shared/graphql/enums';

@InputType()
export class RecordDecisionInput extends VersionedInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => DecisionKind)
  @IsIn(Object.values(DecisionKind))
  kind!: keyof typeof DecisionKind;

  @Field()
  @IsString()
  @Length(1, 4000)
  rationale!: string;

  @Field(() => String, { nullable: true, description: 'Required for PIVOT' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  revisedHypothesis?: string;
}
