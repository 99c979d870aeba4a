import { forbidden } from '../graphql/errors';
import { coversTeam, Principal } from './principal';

export type TeamCommandName = 'registerTeam' | 'addTeamMember' | 'removeTeamMember';
export type InitiativeCommandName =
  | 'proposeInitiative'
  | 'stateHypothesis'
  | 'defineSuccessMetric'
  | 'launchPilot'
  | 'startIteration'
  | 'recordMeasurement'
  | 'completeIteration'
  | 'recordDecision'
  | 'submitFeedback';

/** What a rule about an initiative command needs to know of the initiative. */
export interface InitiativeFacts {
  teamId: string;
  ownerId: string | null;
  recommendation: 'DIRECTOR_LED' | 'DELEGATE_TO_MANAGER';
}

const MANAGER_PILOT_COMMANDS: ReadonlySet<InitiativeCommandName> = new Set([
  'startIteration',
  'recordMeasurement',
  'completeIteration',
]);

function requireTeam(principal: Principal, teamId: string): void {
  if (!coversTeam(principal, teamId)) throw forbidden(`Your token does not cover team "${teamId}"`);
}

export function authorizeTeamCommand(principal: Principal, command: TeamCommandName, teamId: string): void {
  if (principal.role !== 'DIRECTOR') throw forbidden(`Only a director may ${command}`);
  if (command === 'registerTeam' && principal.teams !== '*') {
    throw forbidden('Registering a team needs a director token for all teams (teams: *)');
  }
  requireTeam(principal, teamId);
}

export function authorizeInitiativeCommand(
  principal: Principal,
  command: InitiativeCommandName,
  initiative: InitiativeFacts,
  authorId?: string,
): void {
  requireTeam(principal, initiative.teamId);
  switch (principal.role) {
    case 'DIRECTOR':
      return;
    case 'MANAGER': {
      if (command === 'submitFeedback') return;
      const ownsPilot = initiative.ownerId === principal.sub;
      if (MANAGER_PILOT_COMMANDS.has(command) && ownsPilot) return;
      if (command === 'recordDecision' && ownsPilot && initiative.recommendation === 'DELEGATE_TO_MANAGER') return;
      throw forbidden(
        command === 'recordDecision'
          ? 'A manager may decide only on pilots they own that were delegated to a manager'
          : MANAGER_PILOT_COMMANDS.has(command)
            ? 'A manager may run only the pilots they own'
            : `Only a director may ${command}`,
      );
    }
    case 'CONTRIBUTOR':
      if (command === 'submitFeedback' && authorId === principal.sub) return;
      throw forbidden(
        command === 'submitFeedback'
          ? 'A contributor may submit feedback only as themselves'
          : `A contributor may not ${command}`,
      );
    default:
      throw forbidden(`A ${principal.role.toLowerCase()} token is read-only`);
  }
}

/** Dashboards: every role may read the teams its token covers. */
export function authorizeRead(principal: Principal, teamId: string): void {
  requireTeam(principal, teamId);
}

export function canRead(principal: Principal, teamId: string): boolean {
  return coversTeam(principal, teamId);
}

/** The audit trail, decision replay and chain verification are for auditors and directors. */
export function authorizeAudit(principal: Principal, teamId: string): void {
  if (principal.role !== 'AUDITOR' && principal.role !== 'DIRECTOR') {
    throw forbidden('The audit trail is for auditors and directors');
  }
  requireTeam(principal, teamId);
}
