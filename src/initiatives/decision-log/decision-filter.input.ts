import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { IdField } from '../../shared/graphql/command-input';
import { DecisionKind } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@InputType()
export class DecisionFilter {
  @IdField({ nullable: true })
  teamId?: string;

  @IdField({ nullable: true })
  initiativeId?: string;

  @Field(() => DecisionKind, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(DecisionKind))
  kind?: keyof typeof DecisionKind;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Decided at or after' })
  @IsOptional()
  @IsString()
  from?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Decided at or before' })
  @IsOptional()
  @IsString()
  to?: string;
}
