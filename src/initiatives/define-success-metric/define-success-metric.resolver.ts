import { Args, Field, Float, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString, Length } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdField } from '../../shared/graphql/command-input';
import { MetricCadence, MetricDirection, MetricKind } from '../../shared/graphql/enums';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeInput, InitiativeMutation } from '../initiative-command';
import { DefineSuccessMetricCommand } from './define-success-metric.command';

const FINITE = { allowNaN: false, allowInfinity: false };

@InputType()
export class DefineSuccessMetricInput extends InitiativeInput {
  @IdField({ nullable: true, description: 'Chosen id; generated when omitted' })
  metricId?: string;

  @Field()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field()
  @IsString()
  @Length(1, 40)
  unit!: string;

  @Field(() => MetricDirection)
  @IsIn(Object.values(MetricDirection))
  direction!: keyof typeof MetricDirection;

  @Field(() => Float)
  @IsNumber(FINITE)
  baseline!: number;

  @Field(() => Float)
  @IsNumber(FINITE)
  target!: number;

  @Field(() => MetricCadence)
  @IsIn(Object.values(MetricCadence))
  cadence!: keyof typeof MetricCadence;

  @Field({ description: 'Where the metric is measured' })
  @IsString()
  @Length(1, 500)
  source!: string;

  @Field(() => MetricKind, { nullable: true, defaultValue: 'PRIMARY' })
  @IsOptional()
  @IsIn(Object.values(MetricKind))
  kind?: keyof typeof MetricKind;

  @Field(() => Float, {
    nullable: true,
    description:
      "Decision rule, PRIMARY only: the smallest pilot-minus-control difference worth scaling for, in the metric's units and direction (0 or more)",
  })
  @IsOptional()
  @IsNumber(FINITE)
  minimumEffect?: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Decision rule, GUARDRAIL only: how much worse than the control the pilot may get, in the metric's units",
  })
  @IsOptional()
  @IsNumber(FINITE)
  maximumHarm?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Decision rule: how sure the evidence must be, 0.5 to 0.999; 0.95 when left out',
  })
  @IsOptional()
  @IsNumber(FINITE)
  confidence?: number;

  @Field(() => Float, {
    nullable: true,
    description: "Standard deviation of one person's reading, if known, for the design check before any reading",
  })
  @IsOptional()
  @IsNumber(FINITE)
  baselineSpread?: number;
}

@Resolver(() => Initiative)
export class DefineSuccessMetricResolver extends InitiativeMutation {
  @Mutation(() => Initiative, {
    description: 'Defines what success looks like, and the decision rule for it, before the first step',
  })
  defineSuccessMetric(@Args('input') input: DefineSuccessMetricInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new DefineSuccessMetricCommand(input, principal));
  }
}
