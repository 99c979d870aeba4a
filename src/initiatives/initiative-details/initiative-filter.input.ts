import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { IsEntityId } from '../../shared/graphql/command-input';
import { InitiativeStatus } from '../../shared/graphql/enums';

@InputType()
export class InitiativeFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  teamId?: string;

  @Field(() => InitiativeStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(InitiativeStatus))
  status?: keyof typeof InitiativeStatus;

  @Field(() => ID, { nullable: true, description: 'The line manager who owns the pilot' })
  @IsOptional()
  @IsEntityId()
  ownerId?: string;
}
