import { deciderSpec } from '../../shared/testing/decider';
import {
  decideDeliveryAttempt,
  DELIVERY_EXCERPT_MAX,
  DeliveryLogState,
  evolveDeliveryLog,
  initialDeliveryLogState,
  RecordDeliveryAttempt,
  retryDelayMs,
} from './delivery.decide';
import { DeliveryEvent, DeliveryOf } from './delivery.events';

const { given } = deciderSpec<RecordDeliveryAttempt, DeliveryLogState, DeliveryEvent>({
  initialState: initialDeliveryLogState,
  evolve: evolveDeliveryLog,
  decide: decideDeliveryAttempt,
});

const delivery: DeliveryOf = { webhookId: 'wh', deliveryId: 'msg_1', eventId: 'ev-1', event: 'DECISION_RECORDED' };
const T0 = '2026-03-02T09:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const HOUR = 3_600_000;

const attempt = (now: string, overrides: Partial<RecordDeliveryAttempt> = {}): RecordDeliveryAttempt => ({
  type: 'RecordDeliveryAttempt',
  delivery,
  delivered: false,
  responseStatus: 503,
  responseExcerpt: 'down for maintenance',
  error: null,
  jitter: 0.5,
  now,
  ...overrides,
});

/** The events of a delivery that failed at each of these instants, as the decider records them. */
function failedAt(instants: string[]): DeliveryEvent[] {
  const history: DeliveryEvent[] = [];
  for (const now of instants) history.push(...given(history).when(attempt(now)).events());
  return history;
}

describe('the retry schedule', () => {
  it('doubles from 10 seconds up to an hour, spread by a quarter either way', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 0.5))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(20, 0.5)).toBe(HOUR);
    expect(retryDelayMs(1, 0)).toBe(7_500);
    expect(retryDelayMs(1, 0.999999)).toBe(12_500);
    expect(retryDelayMs(200, 0.5)).toBe(HOUR);
  });
});

describe('recording a delivery attempt', () => {
  it('records a delivery that succeeded with the receiver status', () => {
    given([])
      .when(attempt(T0, { delivered: true, responseStatus: 204, responseExcerpt: '' }))
      .then([
        {
          type: 'DeliverySucceeded',
          data: { ...delivery, attempt: 1, responseStatus: 204, responseExcerpt: '', error: null, attemptedAt: T0 },
        },
      ]);
  });

  it('schedules the next attempt after a failure, counting attempts', () => {
    const history = failedAt([T0]);
    expect(history).toEqual([
      {
        type: 'DeliveryAttemptFailed',
        data: {
          ...delivery,
          attempt: 1,
          responseStatus: 503,
          responseExcerpt: 'down for maintenance',
          error: null,
          attemptedAt: T0,
          nextAttemptAt: at(10_000),
        },
      },
    ]);
    const [second] = given(history)
      .when(attempt(at(10_000), { responseStatus: null, error: 'connection refused' }))
      .events();
    expect(second).toMatchObject({
      type: 'DeliveryAttemptFailed',
      data: { attempt: 2, responseStatus: null, error: 'connection refused', nextAttemptAt: at(30_000) },
    });
  });

  it('keeps only an excerpt of the response body', () => {
    const [event] = given([])
      .when(attempt(T0, { responseExcerpt: 'x'.repeat(5000) }))
      .events();
    expect((event.data as { responseExcerpt: string }).responseExcerpt).toHaveLength(DELIVERY_EXCERPT_MAX);
  });

  it('retries for 24 hours from the first attempt, then gives the delivery up', () => {
    const history = failedAt([T0, at(HOUR), at(23 * HOUR)]);
    expect(history.map((e) => e.type)).toEqual([
      'DeliveryAttemptFailed',
      'DeliveryAttemptFailed',
      'DeliveryAttemptFailed',
    ]);
    given(history)
      .when(attempt(at(24 * HOUR)))
      .then([
        {
          type: 'DeliveryFailed',
          data: {
            ...delivery,
            attempt: 4,
            responseStatus: 503,
            responseExcerpt: 'down for maintenance',
            error: null,
            attemptedAt: at(24 * HOUR),
          },
        },
      ]);
  });

  it('delivers on a retry, and records nothing more for a finished delivery', () => {
    const history = failedAt([T0]);
    const delivered = given(history)
      .when(attempt(at(10_000), { delivered: true, responseStatus: 200 }))
      .events();
    expect(delivered).toMatchObject([{ type: 'DeliverySucceeded', data: { attempt: 2 } }]);
    given([...history, ...delivered])
      .when(attempt(at(20_000), { delivered: true, responseStatus: 200 }))
      .then([]);
  });

  it('counts each delivery apart', () => {
    const history = failedAt([T0, at(10_000)]);
    const other = { ...delivery, deliveryId: 'msg_2', eventId: 'ev-2' };
    expect(
      given(history)
        .when(attempt(at(20_000), { delivery: other }))
        .events(),
    ).toMatchObject([{ type: 'DeliveryAttemptFailed', data: { deliveryId: 'msg_2', attempt: 1 } }]);
  });
});
