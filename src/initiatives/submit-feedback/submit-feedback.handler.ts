import { InitiativeCommand } from '../domain/initiative.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { InitiativeQueries } from '../initiative-details/initiative.queries';
import { existingInitiative, loadTeamSnapshot } from '../initiative-decider';
import { SubmitFeedbackInput } from './submit-feedback.input';

export class SubmitFeedback {
  constructor(
    readonly input: SubmitFeedbackInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(SubmitFeedback)
export class SubmitFeedbackHandler implements ICommandHandler<SubmitFeedback, CommandOutcome> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly initiatives: InitiativeQueries,
  ) {}

  async execute({ input, principal }: SubmitFeedback): Promise<CommandOutcome> {
    const team = await loadTeamSnapshot(this.commands, this.initiatives.facts(input.initiativeId).teamId);
    return this.commands.run(
      existingInitiative(input.initiativeId),
      (now): InitiativeCommand => ({
        type: 'SubmitFeedback',
        team,
        feedbackId: this.commands.newId(undefined, input.commandId, 'feedback'),
        authorId: input.authorId,
        kind: input.kind,
        text: input.text,
        now,
      }),
      input,
      principal,
    );
  }
}
