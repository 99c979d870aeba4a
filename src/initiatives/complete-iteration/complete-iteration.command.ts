import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { IterationOutcome } from '../domain/initiative.events';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { pilotOwnerOrDirector } from '../initiative-policies';

/** Completes the open iteration with its outcome and what it taught. */
export class CompleteIterationCommand extends EntityCommand<{
  initiativeId: string;
  outcome: IterationOutcome;
  learnings: string;
}> {}

@CommandHandler(CompleteIterationCommand)
export class CompleteIterationHandler extends InitiativeCommandHandler<CompleteIterationCommand> {
  protected readonly policy = pilotOwnerOrDirector('completeIteration');

  protected decide(initiative: InitiativeState, { fields }: CompleteIterationCommand, { now }: Moment) {
    const { outcome, learnings } = fields;
    return decideInitiative({ type: 'CompleteIteration', outcome, learnings, now }, initiative);
  }
}
