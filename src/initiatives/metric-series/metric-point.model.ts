import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Cohort } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@ObjectType({ description: 'The readings of one metric for one period, cohort and iteration' })
export class MetricPoint {
  @Field(() => DateTimeScalar)
  periodStart!: string;

  @Field(() => Cohort)
  cohort!: keyof typeof Cohort;

  @Field(() => Int)
  iteration!: number;

  @Field(() => Int)
  n!: number;

  @Field(() => Float, { description: 'Mean of the n readings, rounded to 4 decimals' })
  mean!: number;

  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;
}
