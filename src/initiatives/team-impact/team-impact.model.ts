import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { InitiativeStatus, OverdueKind } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@ObjectType()
export class StatusCount {
  @Field(() => InitiativeStatus)
  status!: keyof typeof InitiativeStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class OverdueItem {
  @Field(() => ID)
  initiativeId!: string;

  @Field(() => Int)
  iteration!: number;

  @Field(() => OverdueKind)
  kind!: keyof typeof OverdueKind;

  @Field(() => DateTimeScalar, { description: 'The planned end passed, or the iteration completed without a decision' })
  since!: string;
}

@ObjectType()
export class TeamImpact {
  @Field(() => ID)
  teamId!: string;

  @Field(() => DateTimeScalar)
  asOf!: string;

  @Field(() => Int)
  headcount!: number;

  @Field(() => Int, { description: 'Members reached by at least one PILOTING or SCALED initiative' })
  reachedMembers!: number;

  @Field(() => Float, { description: 'reachedMembers ÷ headcount, rounded to 4 decimals' })
  coverage!: number;

  @Field(() => Int, { description: 'Initiatives PILOTING' })
  activeInitiatives!: number;

  @Field(() => [StatusCount])
  initiativesByStatus!: StatusCount[];

  @Field(() => Float, {
    nullable: true,
    description: 'VALIDATED iterations ÷ completed iterations, rounded to 4 decimals',
  })
  hypothesisHitRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median days from PilotLaunched to the first SCALE or STOP, rounded to 4 decimals',
  })
  medianDaysToDecision!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Decisions that differ from the recommendation of their decision rule ÷ decisions made under a rule, rounded to 4 decimals; null before any',
  })
  ruleOverrideRate!: number | null;

  @Field(() => [OverdueItem])
  overdue!: OverdueItem[];

  @Field(() => [ID], { description: 'Initiatives proposed or defined but not launched for longer than the limit' })
  analysisParalysis!: string[];
}

@ObjectType()
export class PortfolioImpact {
  @Field(() => DateTimeScalar)
  asOf!: string;

  @Field(() => Int)
  headcount!: number;

  @Field(() => Int)
  reachedMembers!: number;

  @Field(() => Float, { description: 'reachedMembers ÷ headcount over all the teams, rounded to 4 decimals' })
  coverage!: number;

  @Field(() => [StatusCount])
  initiativesByStatus!: StatusCount[];

  @Field(() => [TeamImpact])
  teams!: TeamImpact[];
}
