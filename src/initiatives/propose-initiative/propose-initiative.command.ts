import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { InitiativeAccess, directorsOnly } from '../initiative-policies';

/** Proposes an initiative; its impact is assessed against the team headcount and threshold. */
export class ProposeInitiativeCommand extends EntityCommand<{
  initiativeId?: string;
  teamId: string;
  title: string;
  problem: string;
  potentialReach: number;
}> {}

@CommandHandler(ProposeInitiativeCommand)
export class ProposeInitiativeHandler extends InitiativeCommandHandler<ProposeInitiativeCommand> {
  protected override readonly creates = true;
  protected readonly policy = directorsOnly('proposeInitiative');

  protected override entityId({ fields, sender }: ProposeInitiativeCommand): string {
    return this.commands.newId('initiative', sender, fields.initiativeId);
  }

  /** A new initiative has no team yet but the one it is proposed for. */
  protected override access(_state: InitiativeState, { fields }: ProposeInitiativeCommand): InitiativeAccess {
    return { teamId: fields.teamId, ownerId: null, recommendation: 'DIRECTOR_LED' };
  }

  protected async decide(
    initiative: InitiativeState,
    { fields, sender }: ProposeInitiativeCommand,
    { now, id }: Moment,
  ) {
    const { title, problem, potentialReach } = fields;
    const team = await this.teamOf(fields);
    const actor = sender.principal.sub;
    return decideInitiative(
      { type: 'ProposeInitiative', initiativeId: id, team, title, problem, potentialReach, actor, now },
      initiative,
    );
  }
}
