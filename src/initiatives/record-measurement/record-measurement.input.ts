import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString } from 'class-validator';
import { IsEntityId, VersionedInput } from '../../shared/graphql/command-input';
import { Cohort } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@InputType()
export class RecordMeasurementInput extends VersionedInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID)
  @IsEntityId()
  metricId!: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a finite number' })
  value!: number;

  @Field(() => DateTimeScalar, { description: 'Start of the period the reading covers' })
  @IsString()
  periodStart!: string;

  @Field(() => Cohort, { nullable: true, defaultValue: 'PILOT' })
  @IsOptional()
  @IsIn(Object.values(Cohort))
  cohort?: keyof typeof Cohort;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  participantId?: string;
}
