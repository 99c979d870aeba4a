import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { MetricDefinition, MetricKind } from '../domain/initiative.events';
import { MetricRuleTerms } from '../domain/initiative.rule';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { directorsOnly } from '../initiative-policies';

/** Defines what success looks like, before the first step: a primary metric or a guardrail, with its rule. */
export class DefineSuccessMetricCommand extends EntityCommand<
  { initiativeId: string; metricId?: string; kind?: MetricKind; baselineSpread?: number | null } & Omit<
    MetricDefinition,
    'metricId' | 'kind' | 'minimumEffect' | 'maximumHarm' | 'confidence' | 'baselineSpread'
  > &
    MetricRuleTerms
> {}

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
