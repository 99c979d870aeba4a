import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { initiativeDecider } from '../initiatives/domain/initiative.decide';
import { initiativeDetailsProjection } from '../initiatives/initiative-details/initiative-details.projection';
import { teamInitiativesProjection } from '../initiatives/team-impact/team-initiatives.projection';
import { Sender } from '../shared/command-handling/command-handling';
import { CommandHandling } from '../shared/command-handling/command-handling';
import { ReadModels } from '../shared/projections/read-models';
import { teamDecider } from '../teams/domain/team.decide';
import { teamDetailsProjection } from '../teams/team-details/team-details.projection';
import { activeAlertsProjection } from './alerts/active-alerts.projection';
import {
  AlertPolicy,
  alertConditions,
  alertsDecider,
  alertsToReview,
  decideAlerts,
  initialAlertsState,
} from './domain/alert.decide';
import { WebhookEventKind } from './domain/webhook.events';
import { webhookListProjection } from './webhook-list/webhook-list.projection';

const ALERTS: readonly WebhookEventKind[] = ['DECISION_OVERDUE', 'ANALYSIS_PARALYSIS'];

/** The service itself: the actor of the events it records as time passes. */
export const SERVICE_SENDER: Sender = { principal: { sub: 'pilotlog', role: 'DIRECTOR', teams: '*' } };

/**
 * Raises and clears alerts as time passes. The read models point out the initiatives whose
 * alerts would change (cheaply, every tick); the change itself is decided on their streams, like
 * any command, so two replicas reviewing at once record it once.
 */
@Injectable()
export class AlertReview {
  private readonly logger = new Logger('Webhooks');
  private readonly reviewing = new Set<string>();

  constructor(
    private readonly commands: CommandHandling,
    private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    readModels.register(
      webhookListProjection,
      activeAlertsProjection,
      teamDetailsProjection,
      teamInitiativesProjection,
      initiativeDetailsProjection,
    );
  }

  /** Reviews the initiatives of every team a webhook wants alerts of; resolves when the reviews are recorded. */
  async review(now: string): Promise<void> {
    if (!this.readModels.runner.isCaughtUp) return;
    const reviews: Promise<void>[] = [];
    for (const teamId of this.teamsWantingAlerts()) {
      const team = this.readModels.views(teamDetailsProjection).get(teamId);
      if (!team) continue;
      const policy: AlertPolicy = {
        quietPeriodHours: this.config.webhooks.quietPeriodHours,
        paralysisLimitDays: team.paralysisLimitDays,
      };
      for (const initiativeId of this.readModels.views(teamInitiativesProjection).get(teamId) ?? []) {
        const initiative = this.readModels.views(initiativeDetailsProjection).get(initiativeId);
        if (!initiative || this.reviewing.has(initiativeId)) continue;
        const active = this.readModels.views(activeAlertsProjection).get(initiativeId) ?? initialAlertsState;
        if (alertsToReview(active, alertConditions(initiative, policy, now)))
          reviews.push(this.reviewOne(initiativeId));
      }
    }
    await Promise.all(reviews);
  }

  private teamsWantingAlerts(): Set<string> {
    const teams = new Set<string>();
    for (const webhook of this.readModels.views(webhookListProjection).values()) {
      if (webhook.deletedAt === null && webhook.events.some((event) => ALERTS.includes(event))) {
        for (const teamId of webhook.teamIds) teams.add(teamId);
      }
    }
    return teams;
  }

  private async reviewOne(initiativeId: string): Promise<void> {
    this.reviewing.add(initiativeId);
    try {
      const outcome = await this.commands.handle(alertsDecider, initiativeId, SERVICE_SENDER, {
        creates: true,
        authorize: () => undefined,
        decide: async (alerts, now) => {
          const initiative = await this.commands.load(initiativeDecider, initiativeId);
          if (initiative.status === 'NEW') return [];
          const team = await this.commands.load(teamDecider, initiative.teamId);
          if (team.status !== 'ACTIVE') return [];
          const policy = {
            quietPeriodHours: this.config.webhooks.quietPeriodHours,
            paralysisLimitDays: team.paralysisLimitDays,
          };
          const conditions = alertConditions(initiative, policy, now);
          return decideAlerts({ type: 'ReviewAlerts', initiativeId, teamId: team.teamId, conditions, now }, alerts);
        },
      });
      // Until the read models show the review, they would point out the same initiative again.
      await this.readModels.include(outcome);
    } catch (error) {
      this.logger.warn(`Alerts of initiative ${initiativeId} not reviewed: ${(error as Error).message}`);
    } finally {
      this.reviewing.delete(initiativeId);
    }
  }
}
