import { Forbidden, refuseReadOnly, requireTeam } from '../shared/auth/authorization';
import { Principal } from '../shared/auth/principal';
import { ImpactRecommendation } from './domain/initiative.events';

/** What authorization knows of the initiative a command is about, read from its folded stream. */
export interface InitiativeAccess {
  teamId: string;
  ownerId: string | null;
  recommendation: ImpactRecommendation;
}

/** Who may send a command to an initiative; throws Forbidden otherwise. Each slice names its own. */
export type InitiativePolicy<Fields = object> = (
  principal: Principal,
  initiative: InitiativeAccess,
  fields: Fields,
) => void;

/**
 * What every change to an initiative checks first: the token covers its team, a director may,
 * read-only roles and contributors may not. Leaves managers to the policy that calls it.
 */
function isDirector(principal: Principal, initiative: InitiativeAccess, action: string): boolean {
  requireTeam(principal, initiative.teamId);
  if (principal.role === 'DIRECTOR') return true;
  refuseReadOnly(principal);
  if (principal.role === 'CONTRIBUTOR') throw new Forbidden(`A contributor may not ${action}`);
  return false;
}

/** Defining an initiative and launching its pilot are a director's. */
export const directorsOnly =
  (action: string): InitiativePolicy =>
  (principal, initiative) => {
    if (!isDirector(principal, initiative, action)) throw new Forbidden(`Only a director may ${action}`);
  };

/** Running a pilot (iterations, measurements) is its owner's, or a director's. */
export const pilotOwnerOrDirector =
  (action: string): InitiativePolicy =>
  (principal, initiative) => {
    if (isDirector(principal, initiative, action) || initiative.ownerId === principal.sub) return;
    throw new Forbidden('A manager may run only the pilots they own');
  };

/** A decision is a director's, or the owning manager's on a pilot the impact assessment delegated to a manager. */
export const decisionMakers: InitiativePolicy = (principal, initiative) => {
  if (isDirector(principal, initiative, 'recordDecision')) return;
  if (initiative.ownerId !== principal.sub || initiative.recommendation !== 'DELEGATE_TO_MANAGER') {
    throw new Forbidden('A manager may decide only on pilots they own that were delegated to a manager');
  }
};

/**
 * Feedback comes from the team: a contributor files only their own; directors and managers may also
 * record what a member told them, and the feedback says they recorded it.
 */
export const feedbackFromTheTeam: InitiativePolicy<{ authorId?: string }> = (principal, initiative, { authorId }) => {
  requireTeam(principal, initiative.teamId);
  refuseReadOnly(principal);
  if (principal.role === 'CONTRIBUTOR' && authorId !== undefined && authorId !== principal.sub) {
    throw new Forbidden('A contributor may submit feedback only as themselves');
  }
};
