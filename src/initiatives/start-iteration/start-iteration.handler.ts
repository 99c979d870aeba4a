import { InitiativeCommand } from '../domain/initiative.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { existingInitiative } from '../initiative-decider';
import { StartIterationInput } from './start-iteration.input';

export class StartIteration {
  constructor(
    readonly input: StartIterationInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(StartIteration)
export class StartIterationHandler implements ICommandHandler<StartIteration, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, principal }: StartIteration): Promise<CommandOutcome> {
    return this.commands.run(
      existingInitiative(input.initiativeId),
      (now): InitiativeCommand => ({
        type: 'StartIteration',
        change: input.change,
        plannedEndAt: input.plannedEndAt,
        now,
      }),
      input,
      principal,
    );
  }
}
