import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { authorizeInitiativeCommand } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutations } from '../initiative-mutation';
import { ProposeInitiative } from './propose-initiative.handler';
import { ProposeInitiativeInput } from './propose-initiative.input';

@Resolver(() => Initiative)
export class ProposeInitiativeResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly mutations: InitiativeMutations,
  ) {}

  @Mutation(() => Initiative, {
    description: 'Proposes an initiative; its impact is assessed against the team headcount and threshold',
  })
  async proposeInitiative(
    @Args('input') input: ProposeInitiativeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Initiative> {
    const facts = { teamId: input.teamId, ownerId: null, recommendation: 'DIRECTOR_LED' as const };
    authorizeInitiativeCommand(principal, 'proposeInitiative', facts);
    return this.mutations.answer(await this.commandBus.execute(new ProposeInitiative(input, principal)));
  }
}
