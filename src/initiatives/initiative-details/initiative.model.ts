import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  DecisionKind,
  ImpactRecommendation,
  InitiativeStatus,
  IterationOutcome,
  MetricCadence,
  MetricDirection,
  MetricKind,
} from '../../shared/graphql/enums';
import { PageInfo } from '../../shared/graphql/page-info.model';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@ObjectType()
export class ImpactAssessment {
  @Field(() => Int)
  potentialReach!: number;

  @Field(() => Int, { description: 'Team headcount when the initiative was proposed' })
  headcount!: number;

  @Field(() => Float, { description: 'potentialReach ÷ headcount, rounded to 4 decimals' })
  share!: number;

  @Field(() => Float, { description: "The team's impact threshold the share was compared with" })
  threshold!: number;

  @Field(() => ImpactRecommendation)
  recommendation!: keyof typeof ImpactRecommendation;
}

@ObjectType()
export class SuccessMetric {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  unit!: string;

  @Field(() => MetricDirection)
  direction!: keyof typeof MetricDirection;

  @Field(() => Float)
  baseline!: number;

  @Field(() => Float)
  target!: number;

  @Field(() => MetricCadence)
  cadence!: keyof typeof MetricCadence;

  @Field({ description: 'Where the metric is measured' })
  source!: string;

  @Field(() => MetricKind)
  kind!: keyof typeof MetricKind;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean of the PILOT readings of the most recent period, rounded to 4 decimals',
  })
  latest!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '(latest − baseline) ÷ (target − baseline), unclamped, rounded to 4 decimals',
  })
  progress!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "progress ≥ the elapsed share of the open iteration's planned window",
  })
  onTrack!: boolean | null;
}

@ObjectType()
export class Iteration {
  @Field(() => Int)
  number!: number;

  @Field()
  change!: string;

  @Field(() => DateTimeScalar)
  startedAt!: string;

  @Field(() => DateTimeScalar)
  plannedEndAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: string | null;

  @Field(() => IterationOutcome, { nullable: true })
  outcome!: keyof typeof IterationOutcome | null;

  @Field(() => String, { nullable: true })
  learnings!: string | null;

  @Field({ description: 'Open past its planned end' })
  overdue!: boolean;
}

@ObjectType()
export class CohortStats {
  @Field(() => Int)
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of the readings, rounded to 4 decimals' })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sample standard deviation, rounded to 4 decimals' })
  sd!: number | null;
}

@ObjectType({ description: "Welch's t-test of PILOT vs CONTROL readings of one metric in one iteration" })
export class CohortComparison {
  @Field(() => ID)
  metricId!: string;

  @Field(() => Int)
  iteration!: number;

  @Field(() => CohortStats)
  pilot!: CohortStats;

  @Field(() => CohortStats)
  control!: CohortStats;

  @Field(() => Float, { nullable: true, description: 'mean(PILOT) − mean(CONTROL), rounded to 4 decimals' })
  difference!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lower bound of the 95% confidence interval of the difference, rounded to 4 decimals',
  })
  ciLow!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper bound of the 95% confidence interval of the difference, rounded to 4 decimals',
  })
  ciHigh!: number | null;

  @Field(() => Float, { nullable: true, description: 'Two-sided p-value, to 4 significant digits' })
  pValue!: number | null;
}

@ObjectType()
export class MetricEvidence {
  @Field(() => ID)
  metricId!: string;

  @Field()
  name!: string;

  @Field(() => Float)
  baseline!: number;

  @Field(() => Float)
  target!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean of the PILOT readings of the most recent period, rounded to 4 decimals',
  })
  latest!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '(latest − baseline) ÷ (target − baseline), rounded to 4 decimals',
  })
  progress!: number | null;

  @Field(() => CohortComparison, { nullable: true })
  comparison!: CohortComparison | null;
}

@ObjectType()
export class Decision {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field(() => ID)
  teamId!: string;

  @Field(() => DecisionKind)
  kind!: keyof typeof DecisionKind;

  @Field()
  rationale!: string;

  @Field()
  decidedBy!: string;

  @Field(() => DateTimeScalar)
  decidedAt!: string;

  @Field(() => Int, { description: 'The completed iteration the decision closes' })
  iteration!: number;

  @Field(() => [MetricEvidence], { description: 'The evidence as it stood when the decision was made' })
  evidence!: MetricEvidence[];
}

@ObjectType()
export class HypothesisRevision {
  @Field()
  statement!: string;

  @Field(() => String, { nullable: true })
  previous!: string | null;

  @Field(() => ID)
  decisionId!: string;

  @Field(() => DateTimeScalar)
  revisedAt!: string;
}

@ObjectType()
export class Initiative {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  teamId!: string;

  @Field()
  title!: string;

  @Field()
  problem!: string;

  @Field(() => InitiativeStatus)
  status!: keyof typeof InitiativeStatus;

  @Field(() => Int, { description: 'Number of events in the initiative stream' })
  version!: number;

  @Field(() => String, { nullable: true })
  hypothesis!: string | null;

  @Field(() => [HypothesisRevision], { description: 'Revisions made by PIVOT decisions, oldest first' })
  hypothesisRevisions!: HypothesisRevision[];

  @Field()
  proposedBy!: string;

  @Field(() => DateTimeScalar)
  proposedAt!: string;

  @Field(() => ImpactAssessment)
  impact!: ImpactAssessment;

  @Field(() => [SuccessMetric])
  metrics!: SuccessMetric[];

  @Field(() => ID, { nullable: true })
  ownerId!: string | null;

  @Field(() => [ID])
  participantIds!: string[];

  @Field(() => [ID])
  controlIds!: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  launchedAt!: string | null;

  @Field(() => Int, { description: 'Pilot participants while PILOTING, the team headcount once SCALED, else 0' })
  currentReach!: number;

  @Field(() => [Iteration])
  iterations!: Iteration[];

  @Field(() => [Decision])
  decisions!: Decision[];
}

@ObjectType()
export class InitiativeEdge {
  @Field()
  cursor!: string;

  @Field(() => Initiative)
  node!: Initiative;
}

@ObjectType()
export class InitiativeConnection {
  @Field(() => [InitiativeEdge])
  edges!: InitiativeEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
export class DecisionEdge {
  @Field()
  cursor!: string;

  @Field(() => Decision)
  node!: Decision;
}

@ObjectType()
export class DecisionConnection {
  @Field(() => [DecisionEdge])
  edges!: DecisionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
