import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IdempotentInput, IsEntityId } from '../../shared/graphql/command-input';

@InputType()
export class ProposeInitiativeInput extends IdempotentInput {
  @Field(() => ID, { nullable: true, description: 'Chosen id; generated when omitted' })
  @IsOptional()
  @IsEntityId()
  initiativeId?: string;

  @Field(() => ID)
  @IsEntityId()
  teamId!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field()
  @IsString()
  @Length(1, 4000)
  problem!: string;

  @Field(() => Int, { description: 'How many team members it could affect if scaled: 1..headcount' })
  @IsInt()
  @Min(1)
  @Max(100000)
  potentialReach!: number;
}
