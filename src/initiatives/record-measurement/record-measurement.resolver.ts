import { Args, Field, Float, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdField } from '../../shared/graphql/command-input';
import { Cohort } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeInput, InitiativeMutation } from '../initiative-command';
import { RecordMeasurementCommand } from './record-measurement.command';

@InputType()
export class RecordMeasurementInput extends InitiativeInput {
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

  @IdField({ nullable: true })
  participantId?: string;
}

@Resolver(() => Initiative)
export class RecordMeasurementResolver extends InitiativeMutation {
  @Mutation(() => Initiative, { description: 'Records one reading of a metric for a period, in the open iteration' })
  recordMeasurement(@Args('input') input: RecordMeasurementInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new RecordMeasurementCommand(input, principal));
  }
}
