import { deciderSpec } from '../../shared/testing/decider';
import { parseNetworks } from './outbound-address';
import { CreateWebhook, decideWebhook, WebhookCommand } from './webhook.decide';
import { WebhookCreated, WebhookEvent } from './webhook.events';
import { evolveWebhook, initialWebhookState, WebhookState } from './webhook.state';

const NOW = '2026-03-02T09:00:00.000Z';
const { given } = deciderSpec<WebhookCommand, WebhookState, WebhookEvent>({
  initialState: initialWebhookState,
  evolve: evolveWebhook,
  decide: decideWebhook,
});

const create = (overrides: Partial<CreateWebhook> = {}): CreateWebhook => ({
  type: 'CreateWebhook',
  webhookId: 'wh-1',
  url: 'https://hooks.example.com/pilotlog',
  events: ['DECISION_RECORDED'],
  teamIds: ['smb'],
  format: 'STANDARD',
  secret: 'whsec_c2VjcmV0',
  allowedNetworks: [],
  actor: 'dana',
  now: NOW,
  ...overrides,
});
const created: WebhookCreated = {
  type: 'WebhookCreated',
  data: {
    webhookId: 'wh-1',
    url: 'https://hooks.example.com/pilotlog',
    events: ['DECISION_RECORDED'],
    teamIds: ['smb'],
    format: 'STANDARD',
    secret: 'whsec_c2VjcmV0',
    createdBy: 'dana',
    createdAt: NOW,
  },
};

describe('creating a webhook', () => {
  it('records the subscription with its secret, its events in a fixed order and each team once', () => {
    given([])
      .when(
        create({
          events: ['DECISION_OVERDUE', 'DECISION_RECORDED', 'DECISION_OVERDUE'],
          teamIds: ['smb', 'smb', 'ent'],
        }),
      )
      .then([
        {
          type: 'WebhookCreated',
          data: { ...created.data, events: ['DECISION_RECORDED', 'DECISION_OVERDUE'], teamIds: ['smb', 'ent'] },
        },
      ]);
  });

  it('keeps no secret for a Slack webhook, whose URL is its secret', () => {
    const [event] = given([])
      .when(create({ format: 'SLACK', secret: 'whsec_x' }))
      .events() as WebhookCreated[];
    expect(event.data).toMatchObject({ format: 'SLACK', secret: null });
  });

  it('WebhookAlreadyExists: an id is used once', () => {
    given([created]).when(create()).thenThrows('WebhookAlreadyExists', 'webhookId');
  });

  it.each(['not a url', 'ftp://files.example.com/x', 'file:///etc/passwd', 'https://user:pw@hooks.example.com/'])(
    'WebhookUrlInvalid: %s',
    (url) => {
      given([]).when(create({ url })).thenThrows('WebhookUrlInvalid', 'url');
    },
  );

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://[::1]/hook',
    'http://localhost/hook',
    'http://169.254.169.254/',
    'https://10.1.2.3/',
  ])('WebhookAddressNotAllowed: %s is refused without an allow-list', (url) => {
    given([]).when(create({ url })).thenThrows('WebhookAddressNotAllowed', 'url');
  });

  it('accepts a private address inside the allow-list', () => {
    const events = given([])
      .when(create({ url: 'http://10.1.2.3:9000/hook', allowedNetworks: parseNetworks('10.0.0.0/8') }))
      .events();
    expect(events[0]).toMatchObject({ data: { url: 'http://10.1.2.3:9000/hook' } });
  });

  it('WebhookNeedsEvents and WebhookNeedsTeams: at least one of each', () => {
    given([])
      .when(create({ events: [] }))
      .thenThrows('WebhookNeedsEvents', 'events');
    given([])
      .when(create({ teamIds: [] }))
      .thenThrows('WebhookNeedsTeams', 'teamIds');
  });

  it('UnknownWebhookEvent: only the events the service sends', () => {
    given([])
      .when(create({ events: ['TEAM_REGISTERED' as never] }))
      .thenThrows('UnknownWebhookEvent', 'events');
  });
});

describe('deleting a webhook', () => {
  const remove = { type: 'DeleteWebhook', webhookId: 'wh-1', actor: 'erin', now: NOW } as const;

  it('records who deleted it and when', () => {
    given([created])
      .when(remove)
      .then([{ type: 'WebhookDeleted', data: { webhookId: 'wh-1', deletedBy: 'erin', deletedAt: NOW } }]);
  });

  it('WebhookAlreadyDeleted: once', () => {
    given([created, { type: 'WebhookDeleted', data: { webhookId: 'wh-1', deletedBy: 'erin', deletedAt: NOW } }])
      .when(remove)
      .thenThrows('WebhookAlreadyDeleted');
  });
});
