import { InitiativeCommand } from '../domain/initiative.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { InitiativeQueries } from '../initiative-details/initiative.queries';
import { existingInitiative, loadTeamSnapshot } from '../initiative-decider';
import { LaunchPilotInput } from './launch-pilot.input';

export class LaunchPilot {
  constructor(
    readonly input: LaunchPilotInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(LaunchPilot)
export class LaunchPilotHandler implements ICommandHandler<LaunchPilot, CommandOutcome> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly initiatives: InitiativeQueries,
  ) {}

  async execute({ input, principal }: LaunchPilot): Promise<CommandOutcome> {
    const team = await loadTeamSnapshot(this.commands, this.initiatives.facts(input.initiativeId).teamId);
    return this.commands.run(
      existingInitiative(input.initiativeId),
      (now): InitiativeCommand => ({
        type: 'LaunchPilot',
        team,
        ownerId: input.ownerId,
        participantIds: input.participantIds,
        controlIds: input.controlIds ?? [],
        now,
      }),
      input,
      principal,
    );
  }
}
