import { MemberRole } from './team.events';

export type RegisterTeam = {
  type: 'RegisterTeam';
  teamId: string;
  name: string;
  impactThreshold: number;
  paralysisLimitDays: number;
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
