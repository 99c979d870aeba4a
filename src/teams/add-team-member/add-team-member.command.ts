import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideTeam } from '../domain/team.decide';
import { MemberRole } from '../domain/team.events';
import { TeamState } from '../domain/team.state';
import { directorsOnly, TeamCommandHandler } from '../team-command';

/** Adds a line manager, IC or director to a team. */
export class AddTeamMemberCommand extends EntityCommand<{
  teamId: string;
  memberId: string;
  name: string;
  role: MemberRole;
  managerId?: string;
}> {}

@CommandHandler(AddTeamMemberCommand)
export class AddTeamMemberHandler extends TeamCommandHandler<AddTeamMemberCommand> {
  protected readonly policy = directorsOnly('addTeamMember');

  protected decide(team: TeamState, { fields }: AddTeamMemberCommand, { now }: Moment) {
    return decideTeam({ ...fields, type: 'AddTeamMember', managerId: fields.managerId ?? null, now }, team);
  }
}
