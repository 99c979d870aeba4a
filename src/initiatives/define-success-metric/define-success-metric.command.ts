import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { MetricCadence, MetricDirection, MetricKind } from '../domain/initiative.events';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { directorsOnly } from '../initiative-policies';

/** Defines what success looks like, before the first step: a primary metric or a guardrail. */
export class DefineSuccessMetricCommand extends EntityCommand<{
  initiativeId: string;
  metricId?: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  cadence: MetricCadence;
  source: string;
  kind?: MetricKind;
}> {}

@CommandHandler(DefineSuccessMetricCommand)
export class DefineSuccessMetricHandler extends InitiativeCommandHandler<DefineSuccessMetricCommand> {
  protected readonly policy = directorsOnly('defineSuccessMetric');

  protected decide(initiative: InitiativeState, { fields, sender }: DefineSuccessMetricCommand, { now }: Moment) {
    const metricId = this.commands.newId('metric', sender, fields.metricId);
    return decideInitiative(
      { ...fields, type: 'DefineSuccessMetric', metricId, kind: fields.kind ?? 'PRIMARY', now },
      initiative,
    );
  }
}
