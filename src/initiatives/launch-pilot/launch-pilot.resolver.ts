import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutations } from '../initiative-mutation';
import { LaunchPilot } from './launch-pilot.handler';
import { LaunchPilotInput } from './launch-pilot.input';

@Resolver(() => Initiative)
export class LaunchPilotResolver {
  constructor(private readonly mutations: InitiativeMutations) {}

  @Mutation(() => Initiative, { description: 'Launches the pilot with a cohort of ICs under a line manager' })
  launchPilot(@Args('input') input: LaunchPilotInput, @CurrentPrincipal() principal: Principal): Promise<Initiative> {
    return this.mutations.execute('launchPilot', input.initiativeId, new LaunchPilot(input, principal), principal);
  }
}
