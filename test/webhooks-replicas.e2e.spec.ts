import { EsdbDouble, startEsdbDouble } from './support/esdb-double/esdb-double';
import { startTestApp, TestApp, waitUntilReady } from './support/test-app';
import { tokenFor } from './support/tokens';
import { eventually, someTicks, WebhookReceiver } from './support/webhook-receiver';
import { createWebhook, deliveriesOf, smallPilot, submitFeedback } from './support/webhook-pilot';

/**
 * Two replicas on one EventStoreDB: both follow the log and keep the same delivery queues, the
 * one holding the lease sends, and when it stops the other takes over from what was recorded.
 */
describe('webhooks sent by one of two replicas on EventStoreDB', () => {
  let double: EsdbDouble;
  let one: TestApp;
  let other: TestApp;
  let receiving: WebhookReceiver;

  beforeAll(async () => {
    double = await startEsdbDouble();
    receiving = await WebhookReceiver.start();
    const token = await tokenFor('DIRECTOR', 'dana');
    const env = {
      EVENTSTORE_CONNECTION_STRING: double.connectionString,
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1',
      WEBHOOK_TICK_MS: '50',
      WEBHOOK_LEASE_SECONDS: '3',
    };
    [one, other] = await Promise.all([startTestApp({ token, env }), startTestApp({ token, env })]);
    await Promise.all([waitUntilReady(one.baseUrl), waitUntilReady(other.baseUrl)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([one?.destroy(), other?.destroy()]);
    await receiving?.down();
    await double?.stop();
  });

  it('delivers each event once, whichever replica took the write, and goes on when the sender stops', async () => {
    const pilot = await smallPilot(one.gql, 'replicas');
    const webhook = await createWebhook(one.gql, {
      url: receiving.url,
      events: ['FEEDBACK_SUBMITTED'],
      teamIds: [pilot.teamId],
    });
    for (const [i, app] of [one, other, one, other].entries()) await submitFeedback(app.gql, pilot, `note ${i}`);
    await eventually(() => receiving.received.length >= 4, 'four messages');
    await someTicks(1000);
    const ids = receiving.received.map((request) => request.headers['webhook-id']);
    expect(new Set(ids).size).toBe(4);
    expect(ids).toHaveLength(4);
    expect(receiving.messages().map((message) => message.data.text)).toEqual(['note 0', 'note 1', 'note 2', 'note 3']);
    for (const app of [one, other]) {
      await eventually(
        async () => (await deliveriesOf(app.gql, webhook.id)).filter((d) => d.status === 'DELIVERED').length === 4,
        'both replicas show the four deliveries',
      );
    }

    await one.stop();
    await submitFeedback(other.gql, pilot, 'after the first replica stopped');
    await eventually(() => receiving.received.length === 5, 'the other replica sent it');
    expect(JSON.parse(receiving.received[4].body).data.text).toBe('after the first replica stopped');
  }, 120_000);
});
