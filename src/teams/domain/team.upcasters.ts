import type { Upcaster } from '../../shared/domain/upcasting';
import type { TeamEventType } from './team.events';

/** Raise a version here, and add its upcaster below, whenever the shape of a stored team event changes. */
export const TEAM_SCHEMA_VERSIONS: Readonly<Record<TeamEventType, number>> = {
  TeamRegistered: 1,
  TeamMemberAdded: 1,
  TeamMemberRemoved: 1,
};

export const teamUpcasters: readonly Upcaster[] = [];
