import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { Cohort } from '../domain/initiative.events';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { pilotOwnerOrDirector } from '../initiative-policies';

/** Records many readings of an initiative in one write: all of them, or none when one row breaks a rule. */
export class RecordMeasurementsCommand extends EntityCommand<{
  initiativeId: string;
  readings: ReadonlyArray<{
    metricId: string;
    value: number;
    periodStart: string;
    cohort?: Cohort;
    participantId?: string | null;
  }>;
}> {}

@CommandHandler(RecordMeasurementsCommand)
export class RecordMeasurementsHandler extends InitiativeCommandHandler<RecordMeasurementsCommand> {
  protected readonly policy = pilotOwnerOrDirector('recordMeasurements');

  protected decide(initiative: InitiativeState, { fields }: RecordMeasurementsCommand, { now }: Moment) {
    const readings = fields.readings.map(({ metricId, value, periodStart, cohort, participantId }) => ({
      metricId,
      value,
      periodStart,
      cohort: cohort ?? 'PILOT',
      participantId: participantId ?? null,
    }));
    return decideInitiative({ type: 'RecordMeasurements', readings, now }, initiative);
  }
}
