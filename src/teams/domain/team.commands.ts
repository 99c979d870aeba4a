import { MemberRole } from './team.events';

export const DEFAULT_IMPACT_THRESHOLD = 0.5;
export const DEFAULT_PARALYSIS_LIMIT_DAYS = 21;

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
export type AddTeamMember = {
  type: 'AddTeamMember';
  teamId: string;
  memberId: string;
  name: string;
  role: MemberRole;
  managerId: string | null;
  now: string;
};
export type RemoveTeamMember = { type: 'RemoveTeamMember'; teamId: string; memberId: string; now: string };

export type TeamCommand = RegisterTeam | AddTeamMember | RemoveTeamMember;
