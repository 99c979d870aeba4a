import { InitiativeCommand } from '../domain/initiative.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { initiativeStreamId } from '../domain/initiative.events';
import { initiativeDecider, loadTeamSnapshot } from '../initiative-decider';
import { ProposeInitiativeInput } from './propose-initiative.input';

export class ProposeInitiative {
  constructor(
    readonly input: ProposeInitiativeInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(ProposeInitiative)
export class ProposeInitiativeHandler implements ICommandHandler<ProposeInitiative, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, principal }: ProposeInitiative): Promise<CommandOutcome> {
    const initiativeId = this.commands.newId(input.initiativeId, input.commandId, 'initiative');
    const team = await loadTeamSnapshot(this.commands, input.teamId);
    return this.commands.run(
      {
        entity: 'initiative',
        id: initiativeId,
        streamId: initiativeStreamId(initiativeId),
        decider: initiativeDecider,
        mustExist: false,
      },
      (now): InitiativeCommand => ({
        type: 'ProposeInitiative',
        initiativeId,
        team,
        title: input.title,
        problem: input.problem,
        potentialReach: input.potentialReach,
        actor: principal.sub,
        now,
      }),
      input,
      principal,
    );
  }
}
