import { InitiativeCommand } from '../domain/initiative.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { existingInitiative } from '../initiative-decider';
import { RecordMeasurementInput } from './record-measurement.input';

export class RecordMeasurement {
  constructor(
    readonly input: RecordMeasurementInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(RecordMeasurement)
export class RecordMeasurementHandler implements ICommandHandler<RecordMeasurement, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, principal }: RecordMeasurement): Promise<CommandOutcome> {
    return this.commands.run(
      existingInitiative(input.initiativeId),
      (now): InitiativeCommand => ({
        type: 'RecordMeasurement',
        metricId: input.metricId,
        value: input.value,
        periodStart: input.periodStart,
        cohort: input.cohort ?? 'PILOT',
        participantId: input.participantId ?? null,
        now,
      }),
      input,
      principal,
    );
  }
}
