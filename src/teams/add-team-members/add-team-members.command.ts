import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideTeam } from '../domain/team.decide';
import { MemberRole } from '../domain/team.events';
import { TeamState } from '../domain/team.state';
import { directorsOnly, TeamCommandHandler } from '../team-command';

/** Adds several members to a team in one write: all of them, or none when one row breaks a rule. */
export class AddTeamMembersCommand extends EntityCommand<{
  teamId: string;
  members: ReadonlyArray<{ memberId: string; name: string; role: MemberRole; managerId?: string | null }>;
}> {}

@CommandHandler(AddTeamMembersCommand)
export class AddTeamMembersHandler extends TeamCommandHandler<AddTeamMembersCommand> {
  protected readonly policy = directorsOnly('addTeamMembers');

  protected decide(team: TeamState, { fields }: AddTeamMembersCommand, { now }: Moment) {
    const members = fields.members.map(({ memberId, name, role, managerId }) => ({
      memberId,
      name,
      role,
      managerId: managerId ?? null,
    }));
    return decideTeam({ type: 'AddTeamMembers', teamId: fields.teamId, members, now }, team);
  }
}
