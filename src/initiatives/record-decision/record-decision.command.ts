import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { MetricRuleRestatement } from '../domain/initiative.decide';
import { DecisionKind } from '../domain/initiative.events';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { decisionMakers } from '../initiative-policies';

/** Decides after a completed iteration, freezing the evidence, the rule and its recommendation: PERSEVERE, PIVOT, SCALE or STOP. */
export class RecordDecisionCommand extends EntityCommand<{
  initiativeId: string;
  kind: DecisionKind;
  rationale: string;
  revisedHypothesis?: string;
  revisedRule?: MetricRuleRestatement[];
}> {}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler extends InitiativeCommandHandler<RecordDecisionCommand> {
  protected readonly policy = decisionMakers;

  protected decide(initiative: InitiativeState, { fields, sender }: RecordDecisionCommand, { now }: Moment) {
    const { kind, rationale, revisedHypothesis = null, revisedRule = null } = fields;
    const decisionId = this.commands.newId('decision', sender);
    const actor = sender.principal.sub;
    return decideInitiative(
      { type: 'RecordDecision', decisionId, kind, rationale, revisedHypothesis, revisedRule, actor, now },
      initiative,
    );
  }
}
