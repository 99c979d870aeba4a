import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional } from 'class-validator';
import { Matches } from 'class-validator';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { ID_PATTERN, ID_RULE, IdField } from '../../shared/graphql/command-input';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeInput, InitiativeMutation } from '../initiative-command';
import { LaunchPilotCommand } from './launch-pilot.command';

@InputType()
export class LaunchPilotInput extends InitiativeInput {
  @IdField({ description: 'The line manager who owns the pilot' })
  ownerId!: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'participantIds must name at least one participant' })
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'participantIds must not repeat a member' })
  @Matches(ID_PATTERN, { each: true, message: `each of participantIds ${ID_RULE}` })
  participantIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'ICs of the team who keep working as before, for comparison' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'controlIds must not repeat a member' })
  @Matches(ID_PATTERN, { each: true, message: `each of controlIds ${ID_RULE}` })
  controlIds?: string[];
}

@Resolver(() => Initiative)
export class LaunchPilotResolver extends InitiativeMutation {
  @Mutation(() => Initiative, { description: 'Launches the pilot with a cohort of ICs under a line manager' })
  launchPilot(@Args('input') input: LaunchPilotInput, @CurrentPrincipal() principal: Principal) {
    return this.send(new LaunchPilotCommand(input, principal));
  }
}
