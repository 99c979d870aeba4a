import { ignoreUnknownEvent } from '../../shared/domain/exhaustive';
import { MemberRole, TeamEvent } from './team.events';

export interface Member {
  name: string;
  role: MemberRole;
  managerId: string | null;
}

export type TeamState =
  | { status: 'UNREGISTERED' }
  | {
      status: 'ACTIVE';
      teamId: string;
      name: string;
      impactThreshold: number;
      paralysisLimitDays: number;
      /** Current members by id, in the order they joined. */
      members: ReadonlyMap<string, Member>;
    };

export const initialTeamState: TeamState = { status: 'UNREGISTERED' };

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamRegistered': {
      const { teamId, name, impactThreshold, paralysisLimitDays } = event.data;
      return { status: 'ACTIVE', teamId, name, impactThreshold, paralysisLimitDays, members: new Map() };
    }
    case 'TeamMemberAdded': {
      if (state.status !== 'ACTIVE') return state;
      const { memberId, name, role, managerId } = event.data;
      return { ...state, members: new Map(state.members).set(memberId, { name, role, managerId }) };
    }
    case 'TeamMemberRemoved': {
      if (state.status !== 'ACTIVE') return state;
      const members = new Map(state.members);
      members.delete(event.data.memberId);
      return { ...state, members };
    }
    default:
      return ignoreUnknownEvent(event, state);
  }
}

/** Everyone but directors counts in the headcount, the denominator of "team-wide". */
export function countsInHeadcount(role: MemberRole): boolean {
  return role !== 'DIRECTOR';
}

export function headcountOf(roles: Iterable<MemberRole>): number {
  let headcount = 0;
  for (const role of roles) if (countsInHeadcount(role)) headcount++;
  return headcount;
}

/** What an initiative's rules need to know of its team, read when the command is handled. */
export interface TeamSnapshot {
  teamId: string;
  /** Current members, all roles but DIRECTOR: the denominator of "team-wide". */
  headcount: number;
  impactThreshold: number;
  paralysisLimitDays: number;
  /** Role of every current member, directors included. */
  members: ReadonlyMap<string, MemberRole>;
}

export function teamSnapshot(state: TeamState): TeamSnapshot {
  if (state.status !== 'ACTIVE') throw new Error('An unregistered team has no snapshot');
  const members = new Map([...state.members].map(([id, member]) => [id, member.role]));
  return {
    teamId: state.teamId,
    headcount: headcountOf(members.values()),
    impactThreshold: state.impactThreshold,
    paralysisLimitDays: state.paralysisLimitDays,
    members,
  };
}
