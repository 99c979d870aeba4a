import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { directorsOnly } from '../initiative-policies';

/** States the hypothesis: We believe that <change> for <who> will <measurable outcome>. */
export class StateHypothesisCommand extends EntityCommand<{ initiativeId: string; statement: string }> {}

@CommandHandler(StateHypothesisCommand)
export class StateHypothesisHandler extends InitiativeCommandHandler<StateHypothesisCommand> {
  protected readonly policy = directorsOnly('stateHypothesis');

  protected decide(initiative: InitiativeState, { fields }: StateHypothesisCommand, { now }: Moment) {
    return decideInitiative({ type: 'StateHypothesis', statement: fields.statement, now }, initiative);
  }
}
