import type { Upcaster } from '../../shared/domain/upcasting';
import type { TeamEventType } from './team.events';

/** Raise a version here, and add its upcaster below, whenever the shape of a stored team event changes. */
export const TEAM_SCHEMA_VERSIONS: Readonly<Record<TeamEventType, number>> = {
  TeamRegistered: 1,
  TeamMemberAdded: 1,
  TeamMemberRemoved: 1,
};

/** Every team event type: the keys of the versions above, so none can be left out. */
export const TEAM_EVENT_TYPES = Object.keys(TEAM_SCHEMA_VERSIONS) as TeamEventType[];

export const teamUpcasters: readonly Upcaster[] = [];
