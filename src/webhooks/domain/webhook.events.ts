import { streamIdOf } from '../../shared/domain/decider';

/** What a webhook can be told about: five moments of an initiative, and two alerts. */
export const WEBHOOK_EVENTS = [
  'DECISION_RECORDED',
  'ITERATION_COMPLETED',
  'INITIATIVE_SCALED',
  'INITIATIVE_STOPPED',
  'FEEDBACK_SUBMITTED',
  'DECISION_OVERDUE',
  'ANALYSIS_PARALYSIS',
] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENTS)[number];

/** STANDARD: signed JSON per the Standard Webhooks specification. SLACK: a Slack incoming-webhook message. */
export type WebhookFormat = 'STANDARD' | 'SLACK';

export type WebhookCreated = {
  type: 'WebhookCreated';
  data: {
    webhookId: string;
    url: string;
    events: WebhookEventKind[];
    teamIds: string[];
    format: WebhookFormat;
    /** The Standard Webhooks signing secret (whsec_...); null for Slack, whose URL is its secret. */
    secret: string | null;
    createdBy: string;
    createdAt: string;
  };
};
export type WebhookDeleted = {
  type: 'WebhookDeleted';
  data: { webhookId: string; deletedBy: string; deletedAt: string };
};

export type WebhookEvent = WebhookCreated | WebhookDeleted;
export type WebhookEventType = WebhookEvent['type'];

export const webhookStreamId = (webhookId: string): string => streamIdOf('webhook', webhookId);
