import { RecordedEvent } from '../../shared/event-store/event-store.port';
import { Projection } from '../../shared/projections/projection';
import { MemberRole, TeamEvent } from '../domain/team.events';

export interface TeamMemberView {
  id: string;
  name: string;
  role: MemberRole;
  managerId: string | null;
  addedAt: string;
}

export interface TeamView {
  id: string;
  name: string;
  version: number;
  impactThreshold: number;
  paralysisLimitDays: number;
  registeredAt: string;
  /** Current members in the order they joined. */
  members: readonly TeamMemberView[];
}

export function headcountOf(team: Pick<TeamView, 'members'>): number {
  return team.members.filter((m) => m.role !== 'DIRECTOR').length;
}

function isTeamEvent(event: RecordedEvent): boolean {
  return event.streamId.startsWith('team-');
}

export const teamDetailsProjection: Projection<TeamView> = {
  name: 'team-details',
  keysOf: (event) => (isTeamEvent(event) ? [(event.data as { teamId: string }).teamId] : []),
  evolve(view, recorded) {
    const event = recorded as unknown as TeamEvent;
    const version = recorded.revision + 1;
    switch (event.type) {
      case 'TeamRegistered':
        return {
          id: event.data.teamId,
          name: event.data.name,
          version,
          impactThreshold: event.data.impactThreshold,
          paralysisLimitDays: event.data.paralysisLimitDays,
          registeredAt: event.data.registeredAt,
          members: [],
        };
      case 'TeamMemberAdded': {
        const { memberId, name, role, managerId, addedAt } = event.data;
        return { ...view!, version, members: [...view!.members, { id: memberId, name, role, managerId, addedAt }] };
      }
      case 'TeamMemberRemoved':
        return { ...view!, version, members: view!.members.filter((m) => m.id !== event.data.memberId) };
      default:
        return view ? { ...view, version } : view!;
    }
  },
};
