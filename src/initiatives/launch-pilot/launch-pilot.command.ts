import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { directorsOnly } from '../initiative-policies';

/** Launches the pilot with a cohort of ICs under a line manager, and optionally a control cohort. */
export class LaunchPilotCommand extends EntityCommand<{
  initiativeId: string;
  ownerId: string;
  participantIds: string[];
  controlIds?: string[];
}> {}

@CommandHandler(LaunchPilotCommand)
export class LaunchPilotHandler extends InitiativeCommandHandler<LaunchPilotCommand> {
  protected readonly policy = directorsOnly('launchPilot');

  protected async decide(initiative: InitiativeState, { fields }: LaunchPilotCommand, { now }: Moment) {
    const team = await this.teamOf(initiative);
    const { ownerId, participantIds, controlIds = [] } = fields;
    return decideInitiative({ type: 'LaunchPilot', team, ownerId, participantIds, controlIds, now }, initiative);
  }
}
