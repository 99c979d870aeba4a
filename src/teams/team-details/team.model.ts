import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MemberRole } from '../../shared/graphql/enums';
import { DateTimeScalar } from '../../shared/graphql/scalars';

@ObjectType()
export class TeamMember {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => MemberRole)
  role!: keyof typeof MemberRole;

  @Field(() => ID, { nullable: true })
  managerId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the member joined the team' })
  addedAt!: string;
}

@ObjectType()
export class Team {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Number of events in the team stream' })
  version!: number;

  @Field(() => Int, { description: 'Current members, all roles but DIRECTOR' })
  headcount!: number;

  @Field(() => Float)
  impactThreshold!: number;

  @Field(() => Int)
  paralysisLimitDays!: number;

  @Field(() => [TeamMember], { description: 'Current members, oldest first' })
  members!: TeamMember[];

  @Field(() => DateTimeScalar)
  registeredAt!: string;
}
