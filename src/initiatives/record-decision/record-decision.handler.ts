import { InitiativeCommand } from '../domain/initiative.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { existingInitiative } from '../initiative-decider';
import { RecordDecisionInput } from './record-decision.input';

export class RecordDecision {
  constructor(
    readonly input: RecordDecisionInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(RecordDecision)
export class RecordDecisionHandler implements ICommandHandler<RecordDecision, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, principal }: RecordDecision): Promise<CommandOutcome> {
    return this.commands.run(
      existingInitiative(input.initiativeId),
      (now): InitiativeCommand => ({
        type: 'RecordDecision',
        decisionId: this.commands.newId(undefined, input.commandId, 'decision'),
        kind: input.kind,
        rationale: input.rationale,
        revisedHypothesis: input.revisedHypothesis ?? null,
        actor: principal.sub,
        now,
      }),
      input,
      principal,
    );
  }
}
