import { defineProjection } from '../../shared/projections/projection';
import { ReadModelsAt } from '../../shared/time-travel/time-travel';
import { MemberRole, TeamEvent } from '../domain/team.events';
import { headcountOf } from '../domain/team.state';
import { TEAM_EVENT_TYPES } from '../domain/team.upcasters';
import { Team } from './team.model';

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

/** Every team with its current members, as the dashboards and initiatives' figures read it. */
export const teamDetailsProjection = defineProjection<TeamEvent, TeamView>({
  name: 'team-details',
  events: TEAM_EVENT_TYPES,
  keyOf: (event) => event.data.teamId,
  evolve(view, event) {
    const version = event.revision + 1;
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
    }
  },
});

export function teamHeadcount(team: Pick<TeamView, 'members'>): number {
  return headcountOf(team.members.map((member) => member.role));
}

export function toTeam(view: TeamView): Team {
  return { ...view, headcount: teamHeadcount(view), members: [...view.members] };
}

/** The team as the read models show it at an instant; null when it was not registered. */
export function teamAt(at: ReadModelsAt, teamId: string): Team | null {
  const view = at.of(teamDetailsProjection).get(teamId);
  return view ? toTeam(view) : null;
}
