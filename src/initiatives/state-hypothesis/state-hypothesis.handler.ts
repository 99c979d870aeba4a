import { InitiativeCommand } from '../domain/initiative.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { existingInitiative } from '../initiative-decider';
import { StateHypothesisInput } from './state-hypothesis.input';

export class StateHypothesis {
  constructor(
    readonly input: StateHypothesisInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(StateHypothesis)
export class StateHypothesisHandler implements ICommandHandler<StateHypothesis, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, principal }: StateHypothesis): Promise<CommandOutcome> {
    return this.commands.run(
      existingInitiative(input.initiativeId),
      (now): InitiativeCommand => ({
        type: 'StateHypothesis',
        statement: input.statement,
        now,
      }),
      input,
      principal,
    );
  }
}
