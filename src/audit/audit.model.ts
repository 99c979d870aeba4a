import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Decision,
  DecisionRule,
  Initiative,
  MetricEvidence,
  Recommendation,
} from '../initiatives/initiative-details/initiative.model';
import { PageInfo } from '../shared/graphql/page-info.model';
import { DateTimeScalar, JsonScalar } from '../shared/graphql/scalars';

@ObjectType()
export class AuditEvent {
  @Field({ description: 'Opaque position in the global log' })
  position!: string;

  @Field()
  streamId!: string;

  @Field(() => Int, { description: '0-based index of the event in its stream' })
  revision!: number;

  @Field()
  type!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: string;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true })
  commandId!: string | null;

  @Field(() => String, { nullable: true })
  correlationId!: string | null;

  @Field(() => String, { nullable: true })
  causationId!: string | null;

  @Field(() => Int)
  schemaVersion!: number;

  @Field(() => JsonScalar)
  data!: unknown;
}

@ObjectType()
export class AuditEventEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEvent;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
export class DecisionReplay {
  @Field(() => Decision)
  decision!: Decision;

  @Field(() => Initiative, { description: 'The initiative as it stood just before the decision' })
  initiativeBefore!: Initiative;

  @Field(() => Int, { description: 'Events in the initiative stream before the decision' })
  eventsBefore!: number;

  @Field(() => [MetricEvidence], { description: 'The evidence recomputed from the replayed events' })
  recomputedEvidence!: MetricEvidence[];

  @Field(() => DecisionRule, {
    nullable: true,
    description: 'The rule in force for the decided iteration, recomputed from the replayed events',
  })
  recomputedRule!: DecisionRule | null;

  @Field(() => Recommendation, {
    nullable: true,
    description: 'What that rule recommends, recomputed from the replayed events',
  })
  recomputedRecommendation!: Recommendation | null;

  @Field({
    description:
      'The recorded evidence, rule and recommendation equal the recomputed ones (figures of the evidence version the decision was frozen with)',
  })
  evidenceMatches!: boolean;
}

@ObjectType()
export class AuditVerification {
  @Field(() => ID)
  initiativeId!: string;

  @Field({ description: 'Every event hash and every link of the chain checks out' })
  valid!: boolean;

  @Field(() => Int)
  checkedEvents!: number;

  @Field(() => Int, { nullable: true, description: 'Version (1-based) of the first event that does not check out' })
  firstBrokenVersion!: number | null;
}
