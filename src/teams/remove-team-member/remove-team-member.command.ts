import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideTeam } from '../domain/team.decide';
import { TeamState } from '../domain/team.state';
import { directorsOnly, TeamCommandHandler } from '../team-command';

/** Removes a member from a team; the headcount no longer counts them. */
export class RemoveTeamMemberCommand extends EntityCommand<{ teamId: string; memberId: string }> {}

@CommandHandler(RemoveTeamMemberCommand)
export class RemoveTeamMemberHandler extends TeamCommandHandler<RemoveTeamMemberCommand> {
  protected readonly policy = directorsOnly('removeTeamMember');

  protected decide(team: TeamState, { fields }: RemoveTeamMemberCommand, { now }: Moment) {
    return decideTeam({ type: 'RemoveTeamMember', teamId: fields.teamId, memberId: fields.memberId, now }, team);
  }
}
