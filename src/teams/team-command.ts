import { Injectable } from '@nestjs/common';
import { InputType } from '@nestjs/graphql';
import { Forbidden, requireTeam } from '../shared/auth/authorization';
import { Principal } from '../shared/auth/principal';
import { EntityCommand, EntityCommandHandler } from '../shared/command-handling/entity-command';
import { IdField, VersionedInput } from '../shared/graphql/command-input';
import { MutationResolver } from '../shared/graphql/mutation-resolver';
import { teamDecider } from './domain/team.decide';
import { TeamEvent } from './domain/team.events';
import { TeamState } from './domain/team.state';
import { Team } from './team-details/team.model';
import { teamAt } from './team-details/team-details.projection';

/** Who may send a team command: throws Forbidden otherwise. */
export type TeamPolicy = (principal: Principal, teamId: string) => void;

/** Teams are a director's: only directors change them, on the teams their token covers. */
export const directorsOnly =
  (action: string): TeamPolicy =>
  (principal, teamId) => {
    if (principal.role !== 'DIRECTOR') throw new Forbidden(`Only a director may ${action}`);
    requireTeam(principal, teamId);
  };

/** A new team is outside every team a token lists: registering one takes a director token for all teams. */
export const directorsOfAllTeams: TeamPolicy = (principal, teamId) => {
  if (principal.role === 'DIRECTOR' && principal.teams !== '*') {
    throw new Forbidden('Registering a team needs a director token for all teams (teams: *)');
  }
  directorsOnly('registerTeam')(principal, teamId);
};

/** The handler of a team command: the team it names, its policy, and the domain decision it asks for. */
@Injectable()
export abstract class TeamCommandHandler<C extends EntityCommand<{ teamId?: string }>> extends EntityCommandHandler<
  C,
  TeamState,
  TeamEvent
> {
  protected readonly entityType = teamDecider;
  protected abstract readonly policy: TeamPolicy;

  protected entityId({ fields }: C): string {
    if (fields.teamId === undefined) throw new Error('A command on an existing team names it');
    return fields.teamId;
  }

  protected authorize(principal: Principal, _state: TeamState, command: C): void {
    this.policy(principal, command.fields.teamId ?? '*');
  }
}

/** What every command input on an existing team carries. */
@InputType({ isAbstract: true })
export abstract class TeamInput extends VersionedInput {
  @IdField()
  teamId!: string;
}

/** A team mutation answers with the team as its write left it. */
@Injectable()
export abstract class TeamMutation extends MutationResolver<Team> {
  protected readonly answer = teamAt;
}
