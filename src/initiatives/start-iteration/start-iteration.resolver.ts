import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeInput, InitiativeMutation } from '../initiative-command';
import { StartIterationCommand } from './start-iteration.command';

@InputType()
export class StartIterationInput extends InitiativeInput {
  @Field({ description: 'What changes in this build-measure-learn loop' })
  @IsString()
  @Length(1, 2000)
  change!: string;

  @Field(() => DateTimeScalar)
  @IsString()
  plannedEndAt!: string;
}

@Resolver(() => Initiative)
export class StartIterationResolver extends InitiativeMutation {
  @Mutation(() => Initiative, { description: 'Starts the next build-measure-learn iteration' })
  startIteration(@Args('input') input: StartIterationInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new StartIterationCommand(input, principal));
  }
}
