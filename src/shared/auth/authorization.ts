import { coversTeam, Principal } from './principal';

/** The token does not allow what was asked; the message says what would. */
export class Forbidden extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Forbidden';
  }
}

/** A token reaches only the teams it names (or every team with `*`). */
export function requireTeam(principal: Principal, teamId: string): void {
  if (!coversTeam(principal, teamId)) throw new Forbidden(`Your token does not cover team "${teamId}"`);
}

/** Roles that read and never write. */
export function refuseReadOnly(principal: Principal): void {
  if (principal.role === 'VIEWER' || principal.role === 'AUDITOR') {
    throw new Forbidden(`A ${principal.role.toLowerCase()} token is read-only`);
  }
}

/** Dashboards: every role may read the teams its token covers. */
export function authorizeRead(principal: Principal, teamId: string): void {
  requireTeam(principal, teamId);
}

export function canRead(principal: Principal, teamId: string): boolean {
  return coversTeam(principal, teamId);
}
