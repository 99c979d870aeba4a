import { Webhook } from 'standardwebhooks';
import { ok } from './support/story';
import { startTestApp, TestApp, waitUntilReady } from './support/test-app';
import { tokenFor } from './support/tokens';
import { eventually, someTicks, WebhookReceiver } from './support/webhook-receiver';
import {
  completeIteration,
  createWebhook,
  decide,
  deliveriesOf,
  smallPilot,
  startIteration,
  submitFeedback,
} from './support/webhook-pilot';

const START = '2026-03-02T09:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const later = (from: string, ms: number) => new Date(Date.parse(from) + ms).toISOString();

/** Loopback receivers are allowed explicitly, as an operator would allow an on-premises one. */
const SENDING_TO_LOOPBACK = {
  WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1',
  WEBHOOK_TICK_MS: '50',
  PUBLIC_URL: 'https://pilotlog.example.com',
};

/**
 * A loopback receiver and a service on it; `restart` starts a second service on the first one's
 * DATA_DIR. Both services and the receiver are stopped and removed afterwards, whatever happened.
 */
async function withRestart(
  env: Record<string, string>,
  test: (run: {
    receiving: WebhookReceiver;
    first: TestApp;
    restart: (env: Record<string, string>) => Promise<TestApp>;
  }) => Promise<void>,
): Promise<void> {
  const receiving = await WebhookReceiver.start();
  const token = await tokenFor('DIRECTOR', 'dana');
  const first = await startTestApp({ token, clockStart: START, env });
  let second: TestApp | null = null;
  const restart = async (secondEnv: Record<string, string>) => {
    second = await startTestApp({ token, clockStart: START, dataDir: first.dataDir, env: secondEnv });
    await waitUntilReady(second.baseUrl);
    return second;
  };
  try {
    await test({ receiving, first, restart });
  } finally {
    await (second as TestApp | null)?.stop();
    await first.destroy();
    receiving.release();
    await receiving.down();
  }
}

describe('webhooks, sent from the log to receivers on loopback', () => {
  let app: TestApp;
  const receivers: WebhookReceiver[] = [];
  const receiver = async () => {
    const started = await WebhookReceiver.start();
    receivers.push(started);
    return started;
  };

  beforeAll(async () => {
    app = await startTestApp({
      token: await tokenFor('DIRECTOR', 'dana'),
      clockStart: START,
      env: SENDING_TO_LOOPBACK,
    });
    await waitUntilReady(app.baseUrl);
  }, 60_000);

  afterAll(async () => {
    await app?.destroy();
    for (const started of receivers) {
      started.release();
      await started.down();
    }
  });

  it('signs STANDARD messages that the receiver verifies with standardwebhooks, in the order of the log', async () => {
    const receiving = await receiver();
    const pilot = await smallPilot(app.gql, 'signed');
    const other = await smallPilot(app.gql, 'not-subscribed');
    const webhook = await createWebhook(app.gql, {
      url: receiving.url,
      events: ['FEEDBACK_SUBMITTED', 'ITERATION_COMPLETED', 'DECISION_RECORDED', 'INITIATIVE_SCALED'],
      teamIds: [pilot.teamId],
    });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await ok<{ webhooks: { id: string; secret: string | null }[] }>(
      app.gql(`query($team: ID) { webhooks(teamId: $team) { id secret url events } }`, { team: pilot.teamId }),
    );
    expect(listed.webhooks).toEqual([
      {
        id: webhook.id,
        secret: null,
        url: receiving.url,
        events: ['DECISION_RECORDED', 'ITERATION_COMPLETED', 'INITIATIVE_SCALED', 'FEEDBACK_SUBMITTED'],
      },
    ]);

    await submitFeedback(app.gql, pilot, 'The templates sound robotic');
    await submitFeedback(app.gql, other, 'Not for this webhook');
    await startIteration(app.gql, pilot, later(START, 14 * DAY));
    await completeIteration(app.gql, pilot);
    const decisionId = await decide(app.gql, pilot, 'SCALE');

    await eventually(() => receiving.received.length >= 4, 'four messages arrived');
    await someTicks();
    expect(receiving.received).toHaveLength(4);
    const signing = new Webhook(webhook.secret!);
    const messages = receiving.received.map((request) => signing.verify(request.body, request.headers) as any);
    expect(messages.map((message) => message.type)).toEqual([
      'FEEDBACK_SUBMITTED',
      'ITERATION_COMPLETED',
      'DECISION_RECORDED',
      'INITIATIVE_SCALED',
    ]);
    expect(messages[0].data).toMatchObject({
      teamId: pilot.teamId,
      initiativeId: pilot.initiativeId,
      initiativeTitle: 'Pilot signed',
      kind: 'CONCERN',
      authorId: pilot.icId,
      text: 'The templates sound robotic',
      url: `https://pilotlog.example.com/#/initiatives/${pilot.initiativeId}`,
    });
    expect(messages[2].data).toMatchObject({
      decisionId,
      kind: 'SCALE',
      rationale: 'Replies doubled in the pilot',
      decidedBy: 'dana',
      iteration: 1,
      evidence: [{ metricId: 'replies', name: 'Replies per week', baseline: 10, target: 20, latest: null }],
      url: `https://pilotlog.example.com/#/decisions/${decisionId}`,
    });
    const first = receiving.received[0];
    expect(first.headers['webhook-id']).toMatch(/^msg_/);
    expect(() => signing.verify(first.body.replace('robotic', 'natural'), first.headers)).toThrow();

    const deliveries = await deliveriesOf(app.gql, webhook.id);
    expect(
      deliveries.map(({ status, attempts, lastResponseCode }) => ({ status, attempts, lastResponseCode })),
    ).toEqual(Array(4).fill({ status: 'DELIVERED', attempts: 1, lastResponseCode: 204 }));
    expect(deliveries.map((delivery) => delivery.id)).toEqual(receiving.received.map((r) => r.headers['webhook-id']));
  });

  it('retries a receiver that is down on the service clock, and delivers once it is up', async () => {
    const receiving = await receiver();
    await receiving.down();
    const pilot = await smallPilot(app.gql, 'down-then-up');
    const webhook = await createWebhook(app.gql, {
      url: receiving.url,
      events: ['FEEDBACK_SUBMITTED'],
      teamIds: [pilot.teamId],
    });
    await submitFeedback(app.gql, pilot, 'Anyone there?');
    await eventually(
      async () => (await deliveriesOf(app.gql, webhook.id))[0]?.status === 'RETRYING',
      'a first attempt failed',
    );
    const [failed] = await deliveriesOf(app.gql, webhook.id);
    expect(failed).toMatchObject({
      attempts: 1,
      lastResponseCode: null,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    const waitMs = Date.parse(failed.nextAttemptAt!) - Date.parse(app.clock.now());
    expect(waitMs).toBeGreaterThanOrEqual(7_500);
    expect(waitMs).toBeLessThanOrEqual(12_500);

    await receiving.up();
    await someTicks();
    expect(receiving.received).toHaveLength(0);
    expect((await deliveriesOf(app.gql, webhook.id))[0].attempts).toBe(1);

    await app.clock.set(later(failed.nextAttemptAt!, 1000));
    await eventually(async () => (await deliveriesOf(app.gql, webhook.id))[0].status === 'DELIVERED', 'delivered');
    await someTicks();
    expect(receiving.withId(failed.id)).toHaveLength(1);
    expect(receiving.received).toHaveLength(1);
    expect((await deliveriesOf(app.gql, webhook.id))[0]).toMatchObject({
      attempts: 2,
      lastResponseCode: 204,
      lastError: null,
    });
  });

  it('retries for 24 hours, then shows the delivery FAILED and goes on with the next one', async () => {
    const receiving = await receiver();
    let failing = true;
    receiving.answer = () => (failing ? { status: 500, body: 'stack trace '.repeat(100) } : { status: 200 });
    const pilot = await smallPilot(app.gql, 'gives-up');
    const webhook = await createWebhook(app.gql, {
      url: receiving.url,
      events: ['FEEDBACK_SUBMITTED'],
      teamIds: [pilot.teamId],
    });
    const firstAttempt = app.clock.now();
    await submitFeedback(app.gql, pilot, 'first');
    await submitFeedback(app.gql, pilot, 'second');
    await eventually(
      async () => (await deliveriesOf(app.gql, webhook.id))[0]?.status === 'RETRYING',
      'a first attempt failed',
    );
    const [retrying, waiting] = await deliveriesOf(app.gql, webhook.id);
    expect(retrying).toMatchObject({ attempts: 1, lastResponseCode: 500, lastError: 'the receiver answered 500' });
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 0 });
    const excerpt = await ok<any>(
      app.gql(
        `query($id: ID!) { webhookDeliveries(webhookId: $id, first: 1) { edges { node { lastResponseExcerpt } } } }`,
        {
          id: webhook.id,
        },
      ),
    );
    expect(excerpt.webhookDeliveries.edges[0].node.lastResponseExcerpt).toBe('stack trace '.repeat(100).slice(0, 200));

    await app.clock.set(later(firstAttempt, 23 * HOUR));
    await eventually(async () => (await deliveriesOf(app.gql, webhook.id))[0].attempts === 2, 'a second attempt');
    expect((await deliveriesOf(app.gql, webhook.id))[0].status).toBe('RETRYING');

    await app.clock.set(later(firstAttempt, 25 * HOUR));
    await eventually(async () => (await deliveriesOf(app.gql, webhook.id))[0].status === 'FAILED', 'given up');
    failing = false;
    await eventually(
      async () => (await deliveriesOf(app.gql, webhook.id))[1]?.status === 'DELIVERED',
      'the next one delivered',
    );
    const [given, next] = await deliveriesOf(app.gql, webhook.id);
    expect(given).toMatchObject({ status: 'FAILED', attempts: 3, lastResponseCode: 500, nextAttemptAt: null });
    expect(next).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    expect(JSON.parse(receiving.received[receiving.received.length - 1].body).data.text).toBe('second');

    await app.clock.set(later(firstAttempt, 30 * HOUR));
    await someTicks();
    expect(receiving.withId(given.id)).toHaveLength(3);
  });

  it('holds DECISION_OVERDUE back for the quiet period, sends it once, and again when it recurs', async () => {
    const receiving = await receiver();
    await app.clock.set(START);
    const pilot = await smallPilot(app.gql, 'overdue');
    await createWebhook(app.gql, { url: receiving.url, events: ['DECISION_OVERDUE'], teamIds: [pilot.teamId] });
    const plannedEnd = later(START, 7 * DAY);
    await startIteration(app.gql, pilot, plannedEnd);

    await app.clock.set(later(plannedEnd, 47 * HOUR));
    await someTicks();
    expect(receiving.received).toHaveLength(0);

    await app.clock.set(later(plannedEnd, 49 * HOUR));
    await eventually(() => receiving.received.length === 1, 'the overdue iteration alerted');
    expect(JSON.parse(receiving.received[0].body)).toMatchObject({
      type: 'DECISION_OVERDUE',
      data: {
        initiativeId: pilot.initiativeId,
        iteration: 1,
        overdueKind: 'ITERATION_PAST_END',
        since: plannedEnd,
        occurrence: 1,
      },
    });
    await app.clock.set(later(plannedEnd, 80 * HOUR));
    await someTicks();
    expect(receiving.received).toHaveLength(1);

    await completeIteration(app.gql, pilot);
    await app.clock.set(later(plannedEnd, 120 * HOUR));
    await someTicks();
    expect(receiving.received).toHaveLength(1);
    await app.clock.set(later(plannedEnd, 129 * HOUR));
    await eventually(() => receiving.received.length === 2, 'the pending decision alerted');
    expect(JSON.parse(receiving.received[1].body)).toMatchObject({
      type: 'DECISION_OVERDUE',
      data: { iteration: 1, overdueKind: 'DECISION_PENDING', since: later(plannedEnd, 80 * HOUR) },
    });
    await decide(app.gql, pilot, 'PERSEVERE');
    await app.clock.set(later(plannedEnd, 300 * HOUR));
    await someTicks();
    expect(receiving.received).toHaveLength(2);
  });

  it('sends ANALYSIS_PARALYSIS once a proposal has waited for launch past the team limit', async () => {
    const receiving = await receiver();
    await app.clock.set(START);
    const teamId = 'team-paralysis';
    await ok(
      app.gql(
        `mutation { registerTeam(input: { teamId: "${teamId}", name: "Paralysis", paralysisLimitDays: 10 }) { id } }`,
      ),
    );
    await ok(
      app.gql(
        `mutation { addTeamMember(input: { teamId: "${teamId}", memberId: "p-ic", name: "P", role: IC }) { id } }`,
      ),
    );
    await createWebhook(app.gql, {
      url: receiving.url,
      events: ['ANALYSIS_PARALYSIS', 'DECISION_OVERDUE'],
      teamIds: [teamId],
    });
    await ok(
      app.gql(
        `mutation { proposeInitiative(input: { initiativeId: "stalled", teamId: "${teamId}", title: "Stalled idea", problem: "P", potentialReach: 1 }) { id } }`,
      ),
    );
    await app.clock.set(later(START, 9 * DAY));
    await someTicks();
    expect(receiving.received).toHaveLength(0);
    await app.clock.set(later(START, 11 * DAY));
    await eventually(() => receiving.received.length === 1, 'the stalled proposal alerted');
    await someTicks();
    expect(receiving.messages()).toEqual([
      expect.objectContaining({
        type: 'ANALYSIS_PARALYSIS',
        data: expect.objectContaining({ initiativeId: 'stalled', initiativeTitle: 'Stalled idea', since: START }),
      }),
    ]);
  });

  it('sends a Slack incoming-webhook message with a link to the page in the dashboard', async () => {
    const receiving = await receiver();
    const pilot = await smallPilot(app.gql, 'slack');
    const webhook = await createWebhook(app.gql, {
      url: receiving.url,
      events: ['DECISION_RECORDED', 'INITIATIVE_STOPPED'],
      teamIds: [pilot.teamId],
      format: 'SLACK',
    });
    expect(webhook.secret).toBeNull();
    await startIteration(app.gql, pilot, later(app.clock.now(), 7 * DAY));
    await completeIteration(app.gql, pilot);
    const decisionId = await decide(app.gql, pilot, 'STOP');
    await eventually(() => receiving.received.length === 2, 'two Slack messages');
    const [decision, stopped] = receiving.messages();
    const link = `https://pilotlog.example.com/#/decisions/${decisionId}`;
    expect(decision).toEqual({
      text: `*STOP* decided on <${link}|Pilot slack> by dana: Replies doubled in the pilot`,
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: `*STOP* decided on <${link}|Pilot slack> by dana: Replies doubled in the pilot\n• Replies per week: latest n/a, target 20, progress n/a`,
          },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: `pilotlog · team ${pilot.teamId}` }] },
        {
          type: 'actions',
          elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in pilotlog' }, url: link }],
        },
      ],
    });
    expect(stopped.text).toBe(
      `<https://pilotlog.example.com/#/initiatives/${pilot.initiativeId}|Pilot slack> is stopped.`,
    );
    expect(receiving.received[0].headers['content-type']).toBe('application/json');
    expect(receiving.received[0].headers['webhook-signature']).toBeUndefined();
  });

  it('lets a receiver that does not answer hold up only its own webhook, not the others or the API', async () => {
    const slow = await receiver();
    const quick = await receiver();
    slow.answer = () => 'hold';
    const pilot = await smallPilot(app.gql, 'slow');
    const slowHook = await createWebhook(app.gql, {
      url: slow.url,
      events: ['FEEDBACK_SUBMITTED'],
      teamIds: [pilot.teamId],
    });
    await createWebhook(app.gql, { url: quick.url, events: ['FEEDBACK_SUBMITTED'], teamIds: [pilot.teamId] });
    await submitFeedback(app.gql, pilot, 'one');
    await submitFeedback(app.gql, pilot, 'two');
    await eventually(
      () => slow.holding === 1 && quick.received.length === 2,
      'the quick receiver got both while the slow one holds the first',
    );
    const answered = await ok<{ team: { id: string } }>(
      app.gql(`query($id: ID!) { team(id: $id) { id } }`, { id: pilot.teamId }),
    );
    expect(answered.team.id).toBe(pilot.teamId);
    expect(slow.holding).toBe(1);
    expect(slow.received).toHaveLength(1);

    slow.answer = () => ({ status: 204 });
    slow.release();
    await eventually(
      async () => (await deliveriesOf(app.gql, slowHook.id)).every((d) => d.status === 'DELIVERED'),
      'the slow one caught up',
    );
    expect(slow.messages().map((message) => message.data.text)).toEqual(['one', 'two']);
  });

  it('refuses a webhook or a delivery for a director of other teams, and an unknown webhook', async () => {
    const pilot = await smallPilot(app.gql, 'guarded');
    const outsider = await tokenFor('DIRECTOR', 'olga', ['elsewhere']);
    const viewer = await tokenFor('VIEWER', 'grafana');
    const create = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }`;
    const input = { url: 'https://hooks.example.com/x', events: ['FEEDBACK_SUBMITTED'], teamIds: [pilot.teamId] };
    for (const token of [outsider, viewer]) {
      const refused = await app.gql(create, { input }, { token });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const missing = await app.gql(`{ webhookDeliveries(webhookId: "nope") { totalCount } }`);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const badEvent = await app.gql(create, { input: { ...input, events: [] } });
    expect(badEvent.errors?.[0].extensions).toMatchObject({
      code: 'DOMAIN_RULE',
      rule: 'WebhookNeedsEvents',
      field: 'events',
    });
  });
});

describe('webhook addresses outside the allow-list', () => {
  it(
    'refuses a loopback URL when nothing is allowed, and checks the address again at send time',
    () =>
      withRestart(SENDING_TO_LOOPBACK, async ({ receiving, first: allowed, restart }) => {
        const pilot = await smallPilot(allowed.gql, 'unlisted');
        const webhook = await createWebhook(allowed.gql, {
          url: receiving.url,
          events: ['FEEDBACK_SUBMITTED'],
          teamIds: [pilot.teamId],
        });
        await allowed.stop();

        const unlisted = await restart({ WEBHOOK_TICK_MS: '50' });
        const refused = await unlisted.gql(
          `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }`,
          {
            input: { url: receiving.url, events: ['FEEDBACK_SUBMITTED'], teamIds: [pilot.teamId] },
          },
        );
        expect(refused.errors?.[0].extensions).toMatchObject({
          code: 'DOMAIN_RULE',
          rule: 'WebhookAddressNotAllowed',
          field: 'url',
        });
        expect(refused.errors?.[0].message).toMatch(/127\.0\.0\.1 is a loopback address; .*WEBHOOK_ALLOWED_NETWORKS/);

        await submitFeedback(unlisted.gql, pilot, 'Sent nowhere');
        await eventually(
          async () => (await deliveriesOf(unlisted.gql, webhook.id))[0]?.status === 'RETRYING',
          'an attempt refused',
        );
        const [delivery] = await deliveriesOf(unlisted.gql, webhook.id);
        expect(delivery).toMatchObject({
          attempts: 1,
          lastResponseCode: null,
          lastError: expect.stringMatching(/^not sent: 127\.0\.0\.1 is a loopback address/),
        });
        expect(receiving.received).toHaveLength(0);
      }),
    90_000,
  );
});

describe('a crash in the middle of a delivery', () => {
  // The killed process cannot release its lease: a short one lets the restarted process send soon.
  const env = { ...SENDING_TO_LOOPBACK, WEBHOOK_LEASE_SECONDS: '2' };

  it(
    'delivers every event after kill -9 and a restart, the interrupted one again under the same webhook-id',
    () =>
      withRestart(env, async ({ receiving, first, restart }) => {
        receiving.answer = () => 'hold';
        const pilot = await smallPilot(first.gql, 'crash');
        const webhook = await createWebhook(first.gql, {
          url: receiving.url,
          events: ['FEEDBACK_SUBMITTED'],
          teamIds: [pilot.teamId],
        });
        for (const text of ['one', 'two', 'three']) await submitFeedback(first.gql, pilot, text);
        await eventually(() => receiving.holding === 1, 'the first delivery is under way');
        await first.kill();
        receiving.answer = () => ({ status: 204 });

        const second = await restart(env);
        await eventually(
          async () => (await deliveriesOf(second.gql, webhook.id)).filter((d) => d.status === 'DELIVERED').length === 3,
          'all three delivered after the restart',
        );
        await someTicks();
        const ids = receiving.received.map((request) => request.headers['webhook-id']);
        const distinct = [...new Set(ids)];
        expect(distinct).toHaveLength(3);
        expect(receiving.messages().map((message) => message.data.text)).toEqual(['one', 'one', 'two', 'three']);
        expect(receiving.withId(distinct[0])).toHaveLength(2);
        expect((await deliveriesOf(second.gql, webhook.id)).map((d) => d.id)).toEqual(distinct);
      }),
    90_000,
  );
});

describe('a service started on a log that has no webhook yet', () => {
  it(
    'reads none of the old log for webhooks, and sends what happens after a webhook is created',
    () =>
      withRestart(SENDING_TO_LOOPBACK, async ({ receiving, first, restart }) => {
        const pilot = await smallPilot(first.gql, 'late');
        await submitFeedback(first.gql, pilot, 'before any webhook');
        await first.stop();

        const second = await restart(SENDING_TO_LOOPBACK);
        const webhook = await createWebhook(second.gql, {
          url: receiving.url,
          events: ['FEEDBACK_SUBMITTED'],
          teamIds: [pilot.teamId],
        });
        await submitFeedback(second.gql, pilot, 'after the webhook');
        await eventually(
          async () => (await deliveriesOf(second.gql, webhook.id)).some((d) => d.status === 'DELIVERED'),
          'the feedback after the webhook is delivered',
        );
        await someTicks();
        expect(receiving.messages().map((message) => message.data.text)).toEqual(['after the webhook']);
      }),
    90_000,
  );
});
