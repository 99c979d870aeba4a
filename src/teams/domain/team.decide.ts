import { Decider, EntityType } from '../../shared/domain/decider';
import { unreachable } from '../../shared/domain/exhaustive';
import { eachRow, RuleBroken } from '../../shared/domain/rule-broken';
import { MemberRole, TeamEvent, teamStreamId } from './team.events';
import { evolveTeam, initialTeamState, TeamState } from './team.state';

export const DEFAULT_IMPACT_THRESHOLD = 0.5;
export const DEFAULT_PARALYSIS_LIMIT_DAYS = 21;

type ActiveTeam = Extract<TeamState, { status: 'ACTIVE' }>;

const ROLES: readonly MemberRole[] = ['DIRECTOR', 'MANAGER', 'IC'];
const NAME_MAX = 120;

function requireName(name: string, rule: string, what: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > NAME_MAX) {
    throw new RuleBroken(rule, `The ${what} must be 1 to ${NAME_MAX} characters long`, 'name');
  }
  return trimmed;
}

export type RegisterTeam = {
  type: 'RegisterTeam';
  teamId: string;
  name: string;
  /** Share of the headcount from which an initiative is director-led; DEFAULT_IMPACT_THRESHOLD when left out. */
  impactThreshold?: number;
  /** Days an initiative may wait for launch before it counts as analysis paralysis; DEFAULT_PARALYSIS_LIMIT_DAYS when left out. */
  paralysisLimitDays?: number;
  now: string;
};

function registerTeam(command: RegisterTeam, state: TeamState): TeamEvent[] {
  if (state.status !== 'UNREGISTERED') {
    throw new RuleBroken('TeamAlreadyRegistered', `A team with id "${command.teamId}" is already registered`, 'teamId');
  }
  const name = requireName(command.name, 'TeamNameLength', 'team name');
  const impactThreshold = command.impactThreshold ?? DEFAULT_IMPACT_THRESHOLD;
  if (!(impactThreshold > 0 && impactThreshold <= 1)) {
    throw new RuleBroken(
      'ImpactThresholdOutOfRange',
      'The impact threshold is a share of the headcount: more than 0 and at most 1',
      'impactThreshold',
    );
  }
  const paralysisLimitDays = command.paralysisLimitDays ?? DEFAULT_PARALYSIS_LIMIT_DAYS;
  if (!Number.isInteger(paralysisLimitDays) || paralysisLimitDays < 1) {
    throw new RuleBroken(
      'ParalysisLimitOutOfRange',
      'The analysis paralysis limit is a whole number of days, at least 1',
      'paralysisLimitDays',
    );
  }
  return [
    {
      type: 'TeamRegistered',
      data: { teamId: command.teamId, name, impactThreshold, paralysisLimitDays, registeredAt: command.now },
    },
  ];
}

export type AddTeamMember = {
  type: 'AddTeamMember';
  teamId: string;
  memberId: string;
  name: string;
  role: MemberRole;
  managerId: string | null;
  now: string;
};

function addTeamMember(command: AddTeamMember, team: ActiveTeam): TeamEvent[] {
  if (!ROLES.includes(command.role)) {
    throw new RuleBroken('UnknownRole', 'A team member is a DIRECTOR, a MANAGER or an IC', 'role');
  }
  if (team.members.has(command.memberId)) {
    throw new RuleBroken('MemberAlreadyInTeam', `${command.memberId} is already a member of the team`, 'memberId');
  }
  const name = requireName(command.name, 'MemberNameLength', "member's name");
  if (command.managerId !== null && command.managerId !== undefined) {
    const manager = team.members.get(command.managerId);
    if (!manager || manager.role === 'IC') {
      throw new RuleBroken(
        'LineManagerMustLeadInTeam',
        'The line manager must be a current manager or director of the team',
        'managerId',
      );
    }
  }
  return [
    {
      type: 'TeamMemberAdded',
      data: {
        teamId: team.teamId,
        memberId: command.memberId,
        name,
        role: command.role,
        managerId: command.managerId ?? null,
        addedAt: command.now,
      },
    },
  ];
}

/** One member of a batch: who joins, in which role, under which line manager. */
export type NewTeamMember = Pick<AddTeamMember, 'memberId' | 'name' | 'role' | 'managerId'>;

export type AddTeamMembers = { type: 'AddTeamMembers'; teamId: string; members: readonly NewTeamMember[]; now: string };

/**
 * Several members at once, each under the rules of adding one, in order: a line manager may be a
 * member added earlier in the same batch, and a member named twice is refused at the second row.
 */
function addTeamMembers(command: AddTeamMembers, team: ActiveTeam): TeamEvent[] {
  let current = team;
  return eachRow('members', command.members, (member) => {
    const [added] = addTeamMember(
      { ...member, type: 'AddTeamMember', teamId: command.teamId, now: command.now },
      current,
    );
    current = evolveTeam(current, added) as ActiveTeam;
    return added;
  });
}

export type RemoveTeamMember = { type: 'RemoveTeamMember'; teamId: string; memberId: string; now: string };

function removeTeamMember(command: RemoveTeamMember, team: ActiveTeam): TeamEvent[] {
  if (!team.members.has(command.memberId)) {
    throw new RuleBroken('NotATeamMember', `${command.memberId} is not a member of the team`, 'memberId');
  }
  return [
    { type: 'TeamMemberRemoved', data: { teamId: team.teamId, memberId: command.memberId, removedAt: command.now } },
  ];
}

export type TeamCommand = RegisterTeam | AddTeamMember | AddTeamMembers | RemoveTeamMember;

export function decideTeam(command: TeamCommand, state: TeamState): TeamEvent[] {
  if (command.type === 'RegisterTeam') return registerTeam(command, state);
  if (state.status !== 'ACTIVE') {
    throw new RuleBroken('TeamNotRegistered', `There is no team with id "${command.teamId}"`, 'teamId');
  }
  switch (command.type) {
    case 'AddTeamMember':
      return addTeamMember(command, state);
    case 'AddTeamMembers':
      return addTeamMembers(command, state);
    case 'RemoveTeamMember':
      return removeTeamMember(command, state);
    default:
      return unreachable(command);
  }
}

/** The team aggregate: one stream per team, folded by evolveTeam, decided above. */
export const teamDecider: Decider<TeamCommand, TeamState, TeamEvent> & EntityType<TeamState, TeamEvent> = {
  entity: 'team',
  streamId: teamStreamId,
  initialState: () => initialTeamState,
  evolve: evolveTeam,
  decide: decideTeam,
};
