import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { IdField } from '../../shared/graphql/command-input';
import { InitiativeStatus } from '../../shared/graphql/enums';

@InputType()
export class InitiativeFilter {
  @IdField({ nullable: true })
  teamId?: string;

  @Field(() => InitiativeStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(InitiativeStatus))
  status?: keyof typeof InitiativeStatus;

  @IdField({ nullable: true, description: 'The line manager who owns the pilot' })
  ownerId?: string;
}
