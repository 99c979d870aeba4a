import { InitiativeCommand } from '../domain/initiative.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { existingInitiative } from '../initiative-decider';
import { DefineSuccessMetricInput } from './define-success-metric.input';

export class DefineSuccessMetric {
  constructor(
    readonly input: DefineSuccessMetricInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(DefineSuccessMetric)
export class DefineSuccessMetricHandler implements ICommandHandler<DefineSuccessMetric, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, principal }: DefineSuccessMetric): Promise<CommandOutcome> {
    return this.commands.run(
      existingInitiative(input.initiativeId),
      (now): InitiativeCommand => ({
        type: 'DefineSuccessMetric',
        metricId: this.commands.newId(input.metricId, input.commandId, 'metric'),
        name: input.name,
        unit: input.unit,
        direction: input.direction,
        baseline: input.baseline,
        target: input.target,
        cadence: input.cadence,
        source: input.source,
        kind: input.kind ?? 'PRIMARY',
        now,
      }),
      input,
      principal,
    );
  }
}
