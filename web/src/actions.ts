/**
 * The writes the signed-in person may make, as the service's policies allow them, so a page shows
 * only those. The service checks every command again; this only keeps refused buttons off screen.
 */
import type { Initiative, TeamMember } from './api/queries';

/** Who is signed in, as the token says: the session's claims that decide what they may do. */
interface Signed {
  sub: string;
  role: string;
  teams: readonly string[] | '*';
}

function coversTeam(session: Signed, teamId: string): boolean {
  return session.teams === '*' || session.teams.includes(teamId);
}

export const INITIATIVE_ACTIONS = [
  'state-hypothesis',
  'define-success-metric',
  'launch-pilot',
  'start-iteration',
  'record-readings',
  'complete-iteration',
  'record-decision',
  'give-feedback',
] as const;
export type InitiativeAction = (typeof INITIATIVE_ACTIONS)[number];

export const ACTION_LABEL: Record<InitiativeAction, string> = {
  'state-hypothesis': 'State hypothesis',
  'define-success-metric': 'Define success metric',
  'launch-pilot': 'Launch pilot',
  'start-iteration': 'Start iteration',
  'record-readings': 'Record readings',
  'complete-iteration': 'Complete iteration',
  'record-decision': 'Record decision',
  'give-feedback': 'Give feedback',
};

export type TeamAction = 'add-members' | 'remove-member' | 'propose-initiative';

/** A new team is outside every team a token lists: registering one takes a director of all teams. */
export function mayRegisterTeam(session: Signed | null): boolean {
  return session?.role === 'DIRECTOR' && session.teams === '*';
}

/** Teams are a director's: the roster and new initiatives. */
export function teamActions(session: Signed | null, teamId: string): TeamAction[] {
  if (session?.role !== 'DIRECTOR' || !coversTeam(session, teamId)) return [];
  return ['add-members', 'remove-member', 'propose-initiative'];
}

type InitiativeFacts = Pick<Initiative, 'teamId' | 'status' | 'ownerId' | 'iterations' | 'decisions' | 'impact'>;

/** What may be done next to an initiative as it stands, by whom: the order is the order of the work. */
export function initiativeActions(
  session: Signed | null,
  initiative: InitiativeFacts,
  members: readonly Pick<TeamMember, 'id'>[],
): InitiativeAction[] {
  if (!session || !coversTeam(session, initiative.teamId)) return [];
  const director = session.role === 'DIRECTOR';
  const owner = session.role === 'MANAGER' && initiative.ownerId === session.sub;
  const actions: InitiativeAction[] = [];
  const beforeLaunch = initiative.status === 'PROPOSED' || initiative.status === 'DEFINED';
  if (director && beforeLaunch) actions.push('state-hypothesis', 'define-success-metric');
  if (director && initiative.status === 'DEFINED') actions.push('launch-pilot');
  if (initiative.status === 'PILOTING' && (director || owner)) {
    const open = initiative.iterations.some((it) => !it.completedAt);
    actions.push(...(open ? (['record-readings', 'complete-iteration'] as const) : (['start-iteration'] as const)));
    const last = [...initiative.iterations].reverse().find((it) => it.completedAt);
    const undecided = !open && last && !initiative.decisions.some((d) => d.iteration === last.number);
    const delegated = initiative.impact.recommendation === 'DELEGATE_TO_MANAGER';
    if (undecided && (director || delegated)) actions.push('record-decision');
  }
  const writer = director || session.role === 'MANAGER' || session.role === 'CONTRIBUTOR';
  if (writer && members.some((m) => m.id === session.sub)) actions.push('give-feedback');
  return actions;
}
