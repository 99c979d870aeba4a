import { InitiativeCommand } from '../domain/initiative.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { existingInitiative } from '../initiative-decider';
import { CompleteIterationInput } from './complete-iteration.input';

export class CompleteIteration {
  constructor(
    readonly input: CompleteIterationInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(CompleteIteration)
export class CompleteIterationHandler implements ICommandHandler<CompleteIteration, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, principal }: CompleteIteration): Promise<CommandOutcome> {
    return this.commands.run(
      existingInitiative(input.initiativeId),
      (now): InitiativeCommand => ({
        type: 'CompleteIteration',
        outcome: input.outcome,
        learnings: input.learnings,
        now,
      }),
      input,
      principal,
    );
  }
}
