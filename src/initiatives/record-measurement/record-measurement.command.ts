import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { Cohort } from '../domain/initiative.events';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { pilotOwnerOrDirector } from '../initiative-policies';

/** Records one reading of a metric for a period, in the open iteration. */
export class RecordMeasurementCommand extends EntityCommand<{
  initiativeId: string;
  metricId: string;
  value: number;
  periodStart: string;
  cohort?: Cohort;
  participantId?: string;
}> {}

@CommandHandler(RecordMeasurementCommand)
export class RecordMeasurementHandler extends InitiativeCommandHandler<RecordMeasurementCommand> {
  protected readonly policy = pilotOwnerOrDirector('recordMeasurement');

  protected decide(initiative: InitiativeState, { fields }: RecordMeasurementCommand, { now }: Moment) {
    const { metricId, value, periodStart, cohort = 'PILOT', participantId = null } = fields;
    return decideInitiative(
      { type: 'RecordMeasurement', metricId, value, periodStart, cohort, participantId, now },
      initiative,
    );
  }
}
