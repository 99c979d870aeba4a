import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsIn, IsString, Length } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IterationOutcome } from '../../shared/graphql/enums';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeInput, InitiativeMutation } from '../initiative-command';
import { CompleteIterationCommand } from './complete-iteration.command';

@InputType()
export class CompleteIterationInput extends InitiativeInput {
  @Field(() => IterationOutcome)
  @IsIn(Object.values(IterationOutcome))
  outcome!: keyof typeof IterationOutcome;

  @Field()
  @IsString()
  @Length(1, 4000)
  learnings!: string;
}

@Resolver(() => Initiative)
export class CompleteIterationResolver extends InitiativeMutation {
  @Mutation(() => Initiative, { description: 'Completes the open iteration with its outcome and learnings' })
  completeIteration(@Args('input') input: CompleteIterationInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new CompleteIterationCommand(input, principal));
  }
}
