import { Args, Field, Float, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdField } from '../../shared/graphql/command-input';
import { Cohort } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeInput, InitiativeMutation } from '../initiative-command';
import { RecordMeasurementsCommand } from './record-measurements.command';

export const MAX_READINGS_PER_BATCH = 1000;

@InputType({ description: 'One reading of a batch: a metric, the period it covers, the cohort and who' })
export class MeasurementReadingInput {
  @IdField()
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

  @IdField({ nullable: true, description: 'A member of the cohort measured' })
  participantId?: string;
}

@InputType()
export class RecordMeasurementsInput extends InitiativeInput {
  @Field(() => [MeasurementReadingInput], { description: `In order, 1 to ${MAX_READINGS_PER_BATCH}` })
  @IsArray()
  @ArrayMinSize(1, { message: 'readings must hold at least one reading' })
  @ArrayMaxSize(MAX_READINGS_PER_BATCH, { message: `readings may hold at most ${MAX_READINGS_PER_BATCH} readings` })
  @ValidateNested({ each: true })
  @Type(() => MeasurementReadingInput)
  readings!: MeasurementReadingInput[];
}

@Resolver(() => Initiative)
export class RecordMeasurementsResolver extends InitiativeMutation {
  @Mutation(() => Initiative, {
    description:
      'Records many readings in the open iteration in one write: all of them, or none when a row breaks a rule (BAD_USER_INPUT naming the row)',
  })
  recordMeasurements(@Args('input') input: RecordMeasurementsInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new RecordMeasurementsCommand(input, principal));
  }
}
