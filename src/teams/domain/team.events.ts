import { streamIdOf } from '../../shared/domain/decider';

export type MemberRole = 'DIRECTOR' | 'MANAGER' | 'IC';

export type TeamRegistered = {
  type: 'TeamRegistered';
  data: { teamId: string; name: string; impactThreshold: number; paralysisLimitDays: number; registeredAt: string };
};
export type TeamMemberAdded = {
  type: 'TeamMemberAdded';
  data: { teamId: string; memberId: string; name: string; role: MemberRole; managerId: string | null; addedAt: string };
};
export type TeamMemberRemoved = {
  type: 'TeamMemberRemoved';
  data: { teamId: string; memberId: string; removedAt: string };
};

export type TeamEvent = TeamRegistered | TeamMemberAdded | TeamMemberRemoved;
export type TeamEventType = TeamEvent['type'];

export const teamStreamId = (teamId: string): string => streamIdOf('team', teamId);
