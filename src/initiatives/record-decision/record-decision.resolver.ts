import { Args, Field, Float, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IdField } from '../../shared/graphql/command-input';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { DecisionKind } from '../../shared/graphql/enums';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeInput, InitiativeMutation } from '../initiative-command';
import { RecordDecisionCommand } from './record-decision.command';

const FINITE = { allowNaN: false, allowInfinity: false };

@InputType({ description: "One metric's rule, restated whole: what is left out no longer applies" })
export class MetricRuleInput {
  @IdField()
  metricId!: string;

  @Field(() => Float, { nullable: true, description: 'PRIMARY: the smallest difference worth scaling for' })
  @IsOptional()
  @IsNumber(FINITE)
  minimumEffect?: number;

  @Field(() => Float, { nullable: true, description: 'GUARDRAIL: how much worse than the control the pilot may get' })
  @IsOptional()
  @IsNumber(FINITE)
  maximumHarm?: number;

  @Field(() => Float, { nullable: true, description: '0.5 to 0.999; 0.95 when left out' })
  @IsOptional()
  @IsNumber(FINITE)
  confidence?: number;
}

@InputType()
export class RecordDecisionInput extends InitiativeInput {
  @Field(() => DecisionKind)
  @IsIn(Object.values(DecisionKind))
  kind!: keyof typeof DecisionKind;

  @Field({ description: 'Why; at least 20 characters when the decision differs from the rule recommendation' })
  @IsString()
  @Length(1, 4000)
  rationale!: string;

  @Field(() => String, { nullable: true, description: 'Required for PIVOT' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  revisedHypothesis?: string;

  @Field(() => [MetricRuleInput], {
    nullable: true,
    description: 'PIVOT only: the metrics whose decision rule changes from the next iteration on',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MetricRuleInput)
  revisedRule?: MetricRuleInput[];
}

@Resolver(() => Initiative)
export class RecordDecisionResolver extends InitiativeMutation {
  @Mutation(() => Initiative, {
    description:
      'Decides after a completed iteration: PERSEVERE, PIVOT, SCALE or STOP, freezing the evidence, the rule and its recommendation',
  })
  recordDecision(@Args('input') input: RecordDecisionInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new RecordDecisionCommand(input, principal));
  }
}
