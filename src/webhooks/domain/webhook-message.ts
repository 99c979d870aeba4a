import {
  DecisionRecorded,
  FeedbackSubmitted,
  InitiativeScaled,
  InitiativeStopped,
  IterationCompleted,
} from '../../initiatives/domain/initiative.events';
import { AlertRaised } from './alert.events';
import { WebhookEventKind } from './webhook.events';

/** An event of the log that a webhook can be told about. */
export type NotifiableEvent =
  | DecisionRecorded
  | IterationCompleted
  | InitiativeScaled
  | InitiativeStopped
  | FeedbackSubmitted
  | AlertRaised;

const KIND_OF: Record<Exclude<NotifiableEvent['type'], 'AlertRaised'>, WebhookEventKind> = {
  DecisionRecorded: 'DECISION_RECORDED',
  IterationCompleted: 'ITERATION_COMPLETED',
  InitiativeScaled: 'INITIATIVE_SCALED',
  InitiativeStopped: 'INITIATIVE_STOPPED',
  FeedbackSubmitted: 'FEEDBACK_SUBMITTED',
};

/** The event types of the log that webhooks are told about. */
export const NOTIFIABLE_EVENT_TYPES: readonly NotifiableEvent['type'][] = [
  ...Object.keys(KIND_OF),
  'AlertRaised',
] as NotifiableEvent['type'][];

/** What a webhook calls the event, or null for an event no webhook is told about. */
export function webhookEventOf(event: { type: string; data: object }): WebhookEventKind | null {
  if (event.type === 'AlertRaised') return (event as AlertRaised).data.alert;
  return KIND_OF[event.type as keyof typeof KIND_OF] ?? null;
}

/** What the message says beside the event itself: whose team, which initiative, where to look. */
export interface MessageContext {
  teamId: string;
  initiativeTitle: string | null;
  /** The dashboard's address (PUBLIC_URL), without a trailing slash. */
  dashboardUrl: string;
  /** When the event occurred. */
  occurredAt: string;
}

/** The body of a STANDARD webhook: the Standard Webhooks payload shape. */
export interface WebhookMessage {
  type: WebhookEventKind;
  timestamp: string;
  data: { teamId: string; initiativeId: string; initiativeTitle: string | null; url: string } & Record<string, unknown>;
}

export interface EvidenceSummary {
  metricId: string;
  name: string;
  baseline: number;
  target: number;
  latest: number | null;
  progress: number | null;
  /** Pilot − control mean of the last completed iteration, with its 95% interval and p-value; null without a control. */
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
}

function evidenceSummary(evidence: DecisionRecorded['data']['evidence']): EvidenceSummary[] {
  return evidence.map(({ metricId, name, baseline, target, latest, progress, comparison }) => ({
    metricId,
    name,
    baseline,
    target,
    latest,
    progress,
    difference: comparison?.difference ?? null,
    ciLow: comparison?.ciLow ?? null,
    ciHigh: comparison?.ciHigh ?? null,
    pValue: comparison?.pValue ?? null,
  }));
}

function pageOf(event: NotifiableEvent, dashboardUrl: string): string {
  if (event.type === 'DecisionRecorded')
    return `${dashboardUrl}/#/decisions/${encodeURIComponent(event.data.decisionId)}`;
  return `${dashboardUrl}/#/initiatives/${encodeURIComponent(event.data.initiativeId)}`;
}

function detailsOf(event: NotifiableEvent): Record<string, unknown> {
  switch (event.type) {
    case 'DecisionRecorded': {
      const { decisionId, kind, rationale, decidedBy, decidedAt, iteration, evidence, followsRule, recommendation } =
        event.data;
      return {
        decisionId,
        kind,
        rationale,
        decidedBy,
        decidedAt,
        iteration,
        evidence: evidenceSummary(evidence),
        // Null when the initiative has no decision rule: nothing to follow or override.
        followsRule,
        recommendedKind: recommendation?.kind ?? null,
      };
    }
    case 'IterationCompleted': {
      const { number, outcome, learnings, completedAt } = event.data;
      return { iteration: number, outcome, learnings, completedAt };
    }
    case 'InitiativeScaled':
      return { decisionId: event.data.decisionId, scaledAt: event.data.scaledAt };
    case 'InitiativeStopped':
      return { decisionId: event.data.decisionId, stoppedAt: event.data.stoppedAt };
    case 'FeedbackSubmitted': {
      const { feedbackId, authorId, kind, text, submittedAt } = event.data;
      return { feedbackId, authorId, kind, text, submittedAt };
    }
    case 'AlertRaised': {
      const { alertId, iteration, overdueKind, since, occurrence, raisedAt } = event.data;
      return { alertId, iteration, overdueKind, since, occurrence, raisedAt };
    }
  }
}

/** The message a STANDARD webhook receives for an event. */
export function toWebhookMessage(event: NotifiableEvent, context: MessageContext): WebhookMessage {
  return {
    type: webhookEventOf(event)!,
    timestamp: context.occurredAt,
    data: {
      teamId: context.teamId,
      initiativeId: event.data.initiativeId,
      initiativeTitle: context.initiativeTitle,
      url: pageOf(event, context.dashboardUrl),
      ...detailsOf(event),
    },
  };
}

/** A Slack incoming-webhook message: `text` for notifications, blocks for the channel. */
export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

/** Slack's mrkdwn treats these three as control characters. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function day(instant: unknown): string {
  return String(instant).slice(0, 10);
}

function figure(value: number | null): string {
  return value === null ? 'n/a' : String(value);
}

function evidenceLine(metric: EvidenceSummary): string {
  const base = `• ${escapeSlack(metric.name)}: latest ${figure(metric.latest)}, target ${metric.target}, progress ${figure(metric.progress)}`;
  if (metric.difference === null) return base;
  return `${base}; pilot − control ${figure(metric.difference)} (95% CI ${figure(metric.ciLow)} to ${figure(metric.ciHigh)}, p = ${figure(metric.pValue)})`;
}

function headline(message: WebhookMessage, link: string): string {
  const d = message.data;
  switch (message.type) {
    case 'DECISION_RECORDED': {
      const lines = [
        `*${String(d.kind)}* decided on ${link} by ${escapeSlack(String(d.decidedBy))}: ${escapeSlack(String(d.rationale))}`,
      ];
      if (d.followsRule !== null) {
        lines.push(
          d.followsRule
            ? 'Follows the decision rule written before launch'
            : `Overrides the decision rule, which recommended ${String(d.recommendedKind)}`,
        );
      }
      lines.push(...(d.evidence as EvidenceSummary[]).map(evidenceLine));
      return lines.join('\n');
    }
    case 'ITERATION_COMPLETED':
      return `Iteration ${String(d.iteration)} of ${link} completed: *${String(d.outcome)}*. Learnings: ${escapeSlack(String(d.learnings))}`;
    case 'INITIATIVE_SCALED':
      return `${link} is scaled to the whole team.`;
    case 'INITIATIVE_STOPPED':
      return `${link} is stopped.`;
    case 'FEEDBACK_SUBMITTED':
      return `New ${String(d.kind).toLowerCase()} on ${link} from ${escapeSlack(String(d.authorId))}: ${escapeSlack(String(d.text))}`;
    case 'DECISION_OVERDUE':
      return d.overdueKind === 'ITERATION_PAST_END'
        ? `:warning: Iteration ${String(d.iteration)} of ${link} passed its planned end on ${day(d.since)} and is not completed.`
        : `:warning: Iteration ${String(d.iteration)} of ${link} completed on ${day(d.since)} and awaits a decision.`;
    case 'ANALYSIS_PARALYSIS': {
      const days = Math.floor((Date.parse(String(d.raisedAt)) - Date.parse(String(d.since))) / 86_400_000);
      return `:hourglass: ${link} was proposed on ${day(d.since)} and has waited ${days} days for launch.`;
    }
  }
}

/** The Slack message for a webhook message: what happened in words, and a button to the dashboard page. */
export function toSlackMessage(message: WebhookMessage): SlackMessage {
  const title = escapeSlack(message.data.initiativeTitle ?? message.data.initiativeId);
  const text = headline(message, `<${message.data.url}|${title}>`);
  return {
    text: text.split('\n')[0],
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `pilotlog · team ${escapeSlack(message.data.teamId)}` }] },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in pilotlog' }, url: message.data.url }],
      },
    ],
  };
}
