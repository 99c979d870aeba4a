import { Injectable } from '@nestjs/common';
import { InputType } from '@nestjs/graphql';
import { Principal } from '../shared/auth/principal';
import { EntityCommand, EntityCommandHandler } from '../shared/command-handling/entity-command';
import { IdField, VersionedInput } from '../shared/graphql/command-input';
import { MutationResolver } from '../shared/graphql/mutation-resolver';
import { teamDecider } from '../teams/domain/team.decide';
import { TeamSnapshot, teamSnapshot } from '../teams/domain/team.state';
import { initiativeDecider } from './domain/initiative.decide';
import { InitiativeEvent } from './domain/initiative.events';
import { InitiativeState } from './domain/initiative.state';
import { initiativeAt } from './initiative-details/initiative-details.projection';
import { Initiative } from './initiative-details/initiative.model';
import { InitiativeAccess, InitiativePolicy } from './initiative-policies';

/**
 * The handler of an initiative command: its policy, and the domain decision it asks for. The
 * initiative's team, owner and assessment come from its folded stream, never from a read model,
 * so a replica whose read models lag behind takes the command all the same.
 */
@Injectable()
export abstract class InitiativeCommandHandler<
  C extends EntityCommand<{ initiativeId?: string }>,
> extends EntityCommandHandler<C, InitiativeState, InitiativeEvent> {
  protected readonly entityType = initiativeDecider;
  protected abstract readonly policy: InitiativePolicy<C['fields']>;

  protected entityId({ fields }: C): string {
    if (fields.initiativeId === undefined) throw new Error('A command on an existing initiative names it');
    return fields.initiativeId;
  }

  protected authorize(principal: Principal, state: InitiativeState, command: C): void {
    this.policy(principal, this.access(state, command), command.fields);
  }

  /** What the policy is checked against: the initiative as its stream has it. */
  protected access(state: InitiativeState, _command: C): InitiativeAccess {
    // Unreachable: a command on an unknown initiative is NOT_FOUND before it is authorized.
    if (state.status === 'NEW') throw new Error('An initiative that was never proposed has no team');
    const ownerId = 'ownerId' in state ? state.ownerId : null;
    return { teamId: state.teamId, ownerId, recommendation: state.recommendation };
  }

  /** The team's members and thresholds as its stream has them when the command is handled. */
  protected async teamOf(initiative: InitiativeState | { teamId: string }): Promise<TeamSnapshot> {
    if (!('teamId' in initiative)) throw new Error('An initiative that was never proposed has no team');
    return teamSnapshot(await this.commands.load(teamDecider, initiative.teamId));
  }
}

/** What every command input on an existing initiative carries. */
@InputType({ isAbstract: true })
export abstract class InitiativeInput extends VersionedInput {
  @IdField()
  initiativeId!: string;
}

/** An initiative mutation answers with the initiative as its write left it. */
@Injectable()
export abstract class InitiativeMutation extends MutationResolver<Initiative> {
  protected readonly answer = initiativeAt;
}
