import { RuleBroken } from '../../shared/domain/rule-broken';
import { TeamCommand } from './team.commands';
import { MemberRole, TeamEvent } from './team.events';
import { TeamState } from './team.state';

const ROLES: readonly MemberRole[] = ['DIRECTOR', 'MANAGER', 'IC'];

function requireName(name: string, field: string, what: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 120) {
    throw new RuleBroken('NameLength', `The ${what} must be 1 to 120 characters long`, field);
  }
  return trimmed;
}

export function decideTeam(command: TeamCommand, state: TeamState): TeamEvent[] {
  if (command.type === 'RegisterTeam') {
    if (state.status !== 'UNREGISTERED') {
      throw new RuleBroken('TeamAlreadyRegistered', `A team with id "${command.teamId}" is already registered`, 'teamId');
    }
    const name = requireName(command.name, 'name', 'team name');
    if (!(command.impactThreshold > 0 && command.impactThreshold <= 1)) {
      throw new RuleBroken(
        'ImpactThresholdOutOfRange',
        'The impact threshold is a share of the headcount: more than 0 and at most 1',
        'impactThreshold',
      );
    }
    if (!Number.isInteger(command.paralysisLimitDays) || command.paralysisLimitDays < 1) {
      throw new RuleBroken(
        'ParalysisLimitOutOfRange',
        'The analysis paralysis limit is a whole number of days, at least 1',
        'paralysisLimitDays',
      );
    }
    return [
      {
        type: 'TeamRegistered',
        data: {
          teamId: command.teamId,
          name,
          impactThreshold: command.impactThreshold,
          paralysisLimitDays: command.paralysisLimitDays,
          registeredAt: command.now,
        },
      },
    ];
  }
  if (state.status !== 'ACTIVE') {
    throw new RuleBroken('TeamNotRegistered', `There is no team with id "${command.teamId}"`, 'teamId');
  }
  switch (command.type) {
    case 'AddTeamMember': {
      if (state.members.has(command.memberId)) {
        throw new RuleBroken('MemberAlreadyInTeam', `${command.memberId} is already a member of the team`, 'memberId');
      }
      if (!ROLES.includes(command.role)) {
        throw new RuleBroken('UnknownRole', 'A member is a DIRECTOR, a MANAGER or an IC', 'role');
      }
      const name = requireName(command.name, 'name', "member's name");
      if (command.managerId !== null) {
        const manager = state.members.get(command.managerId);
        if (!manager || manager.role === 'IC') {
          throw new RuleBroken(
            'ManagerMustLeadInTeam',
            'The line manager must be a manager or director of the team',
            'managerId',
          );
        }
      }
      return [
        {
          type: 'TeamMemberAdded',
          data: {
            teamId: state.teamId,
            memberId: command.memberId,
            name,
            role: command.role,
            managerId: command.managerId,
            addedAt: command.now,
          },
        },
      ];
    }
    case 'RemoveTeamMember': {
      if (!state.members.has(command.memberId)) {
        throw new RuleBroken('NotATeamMember', `${command.memberId} is not a member of the team`, 'memberId');
      }
      return [
        { type: 'TeamMemberRemoved', data: { teamId: state.teamId, memberId: command.memberId, removedAt: command.now } },
      ];
    }
  }
}
