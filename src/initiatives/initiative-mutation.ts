import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { authorizeInitiativeCommand, InitiativeCommandName } from '../shared/auth/authorization';
import { Principal } from '../shared/auth/principal';
import { CommandOutcome } from '../shared/command-handling/command-runner';
import { notFound } from '../shared/graphql/errors';
import { ReadModels } from '../shared/projections/read-models';
import { Initiative } from './initiative-details/initiative.model';
import { InitiativeQueries } from './initiative-details/initiative.queries';

/**
 * What every initiative mutation does around its command: check the caller may send it, send
 * it, and answer with the initiative as the write left it.
 */
@Injectable()
export class InitiativeMutations {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readModels: ReadModels,
    private readonly initiatives: InitiativeQueries,
  ) {}

  async execute(
    name: InitiativeCommandName,
    initiativeId: string,
    command: object,
    principal: Principal,
    authorId?: string,
  ): Promise<Initiative> {
    authorizeInitiativeCommand(principal, name, this.initiatives.facts(initiativeId), authorId);
    return this.answer(await this.commandBus.execute(command));
  }

  async answer(outcome: CommandOutcome): Promise<Initiative> {
    await this.readModels.include(outcome.position);
    const initiative = this.initiatives.current(outcome.id);
    if (!initiative) throw notFound('initiative', outcome.id);
    return initiative;
  }
}
