import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PilotFacts } from '../domain/initiative.recommendation';
import type { DesignFacts } from '../domain/initiative.design';
import {
  DecisionKind,
  ImpactRecommendation,
  InitiativeStatus,
  IterationOutcome,
  MetricCadence,
  MetricDirection,
  MetricKind,
  PermutationMethod,
  SpreadSource,
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
    description:
      "Rule, PRIMARY: the smallest pilot-minus-control difference worth scaling for, in the metric's units and direction",
  })
  minimumEffect!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Rule, GUARDRAIL: how much worse than the control the pilot may get, in the metric's units",
  })
  maximumHarm!: number | null;

  @Field(() => Float, { nullable: true, description: 'Rule: how sure the evidence must be (0.95 when left out)' })
  confidence!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Stated standard deviation of one person's reading, for the design check",
  })
  baselineSpread!: number | null;

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

@ObjectType({ description: "One metric's part of the decision rule" })
export class MetricRule {
  @Field(() => ID)
  metricId!: string;

  @Field(() => MetricKind)
  kind!: keyof typeof MetricKind;

  @Field(() => Float, { nullable: true, description: 'PRIMARY: the smallest difference worth scaling for' })
  minimumEffect!: number | null;

  @Field(() => Float, { nullable: true, description: 'GUARDRAIL: how much worse than the control the pilot may get' })
  maximumHarm!: number | null;

  @Field(() => Float, { nullable: true, description: 'How sure the evidence must be; 0.95 when left out' })
  confidence!: number | null;
}

@ObjectType({
  description: 'The rule that turns evidence into a recommendation: frozen at launch, restated only by a PIVOT',
})
export class DecisionRule {
  @Field(() => Int, { description: '1 at launch, one more at each restatement' })
  version!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it took effect; null before launch' })
  since!: string | null;

  @Field(() => ID, { nullable: true, description: 'The PIVOT decision that restated it; null for the launch rule' })
  decisionId!: string | null;

  @Field(() => [MetricRule])
  metrics!: MetricRule[];
}

@ObjectType({ description: 'What the decision rule recommends for a completed iteration, and why' })
export class Recommendation {
  @Field(() => DecisionKind)
  kind!: keyof typeof DecisionKind;

  @Field(() => [String], { description: 'The verdict first, then one sentence per metric judged' })
  reasons!: string[];
}

@ObjectType()
export class MetricDesignCheck {
  @Field(() => ID)
  metricId!: string;

  @Field()
  name!: string;

  @Field(() => MetricKind)
  kind!: keyof typeof MetricKind;

  @Field(() => Float, { description: 'The confidence its rule asks for' })
  confidence!: number;

  @Field(() => Float, { nullable: true })
  minimumEffect!: number | null;

  @Field(() => Float, { nullable: true })
  maximumHarm!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Standard deviation of one person's mean reading: stated, or from the readings so far (then rounded to 4 decimals)",
  })
  spread!: number | null;

  @Field(() => SpreadSource, { nullable: true })
  spreadSource!: keyof typeof SpreadSource | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The smallest true difference this design finds 8 times in 10 at its confidence, rounded to 4 decimals; null without a spread',
  })
  minimumDetectableEffect!: number | null;

  @Field(() => Boolean, { nullable: true })
  canReachConfidence!: boolean | null;
}

@ObjectType({ description: 'What a pilot of this design can show, before it runs' })
export class DesignCheck {
  @Field(() => Int, { nullable: true, description: 'People in the pilot cohort (planned, or launched)' })
  pilotSize!: number | null;

  @Field(() => Int, { nullable: true, description: 'People in the control cohort (planned, or launched)' })
  controlSize!: number | null;

  @Field(() => Float, { description: 'The highest confidence the rule asks of any metric; 0.95 without a rule' })
  confidence!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'The floor of an exact permutation test with these cohort sizes, whatever the readings; to 4 significant digits',
  })
  smallestPossiblePValue!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'smallestPossiblePValue ≤ 1 − confidence; null without sizes' })
  canReachConfidence!: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of the first primary metric, in its units, rounded to 4 decimals; null when its spread is not known',
  })
  minimumDetectableEffect!: number | null;

  @Field(() => [MetricDesignCheck])
  metrics!: MetricDesignCheck[];

  @Field(() => [String], { description: 'What the design cannot show, in words' })
  warnings!: string[];
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

  @Field(() => Int, { nullable: true, description: 'The version of the decision rule it is judged by' })
  ruleVersion!: number | null;

  /** What `recommendation` is computed from, when asked; not part of the schema. */
  pilot?: PilotFacts;
}

@ObjectType()
export class CohortStats {
  @Field(() => Int, {
    description:
      'Units: each person counts once, with the mean of their readings in the iteration; a reading without a person counts alone. In evidence frozen at version 1, readings',
  })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of the units, rounded to 4 decimals' })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sample standard deviation of the units, rounded to 4 decimals' })
  sd!: number | null;

  @Field(() => Int, { nullable: true, description: 'Readings behind the units; null in evidence version 1' })
  readings?: number | null;
}

@ObjectType({
  description:
    'PILOT vs CONTROL units of one metric in one iteration (one unit per person: the mean of their readings): Welch, permutation test, baseline-adjusted difference',
})
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

  @Field(() => Float, { nullable: true, description: "Welch's two-sided p-value, to 4 significant digits" })
  pValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Two-sided permutation test of the difference of means: exact over every split up to 184,756, else seeded Monte Carlo; to 4 significant digits',
  })
  permutationPValue?: number | null;

  @Field(() => PermutationMethod, { nullable: true })
  permutationMethod?: keyof typeof PermutationMethod | null;

  @Field(() => Int, { nullable: true, description: 'Splits enumerated (EXACT) or random splits drawn (MONTE_CARLO)' })
  permutations?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "PILOT − CONTROL adjusted by ANCOVA on each person's mean reading of periods before the launch, rounded to 4 decimals; null without such readings for at least four people of both cohorts",
  })
  baselineAdjustedDifference?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lower bound of the 95% interval of the baseline-adjusted difference, rounded to 4 decimals',
  })
  baselineAdjustedCiLow?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper bound of the 95% interval of the baseline-adjusted difference, rounded to 4 decimals',
  })
  baselineAdjustedCiHigh?: number | null;
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

  @Field(() => Int, {
    description: 'The definition of the evidence figures: 1 every reading counted alone, 2 people as units',
  })
  evidenceVersion!: number;

  @Field(() => DecisionRule, { nullable: true, description: 'The rule in force for the iteration; null without one' })
  rule!: DecisionRule | null;

  @Field(() => Recommendation, { nullable: true, description: 'What the rule recommended; null without a rule' })
  recommendation!: Recommendation | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false when the decision overrode the recommendation; null without a rule',
  })
  followsRule!: boolean | null;
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

  @Field(() => DecisionRule, {
    nullable: true,
    description: 'The decision rule in force (before launch: as written so far); null when no metric states one',
  })
  decisionRule!: DecisionRule | null;

  @Field(() => [DecisionRule], { description: 'Every version of the rule since launch, oldest first' })
  decisionRules!: DecisionRule[];

  /** What `designCheck` is computed from, when asked; not part of the schema. */
  design?: DesignFacts & { participants: number | null; controls: number | null };
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
