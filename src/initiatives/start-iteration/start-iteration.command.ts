import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { pilotOwnerOrDirector } from '../initiative-policies';

/** Starts the next build-measure-learn iteration of a running pilot. */
export class StartIterationCommand extends EntityCommand<{
  initiativeId: string;
  change: string;
  plannedEndAt: string;
}> {}

@CommandHandler(StartIterationCommand)
export class StartIterationHandler extends InitiativeCommandHandler<StartIterationCommand> {
  protected readonly policy = pilotOwnerOrDirector('startIteration');

  protected decide(initiative: InitiativeState, { fields }: StartIterationCommand, { now }: Moment) {
    const { change, plannedEndAt } = fields;
    return decideInitiative({ type: 'StartIteration', change, plannedEndAt, now }, initiative);
  }
}
