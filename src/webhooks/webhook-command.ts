import { Forbidden, requireTeam } from '../shared/auth/authorization';
import { Principal } from '../shared/auth/principal';
import { WebhookView } from './webhook-list/webhook-list.projection';
import { Webhook } from './webhook-list/webhook.model';

/** Webhooks send a team's news out of pilotlog: directors set them up, for teams their token covers. */
export function requireDirectorOf(principal: Principal, teamIds: readonly string[], action: string): void {
  if (principal.role !== 'DIRECTOR') throw new Forbidden(`Only a director may ${action}`);
  for (const teamId of teamIds) requireTeam(principal, teamId);
}

/** Directors and auditors see the webhooks of the teams their token covers; never a secret. */
export function requireWebhookReader(principal: Principal, teamIds: readonly string[]): void {
  if (principal.role !== 'DIRECTOR' && principal.role !== 'AUDITOR') {
    throw new Forbidden('Only a director or an auditor may see webhooks');
  }
  for (const teamId of teamIds) requireTeam(principal, teamId);
}

export function toWebhook(view: WebhookView, secret: string | null = null): Webhook {
  const { createdPosition: _created, deletedPosition: _deleted, ...fields } = view;
  return { ...fields, events: [...view.events], teamIds: [...view.teamIds], secret };
}
