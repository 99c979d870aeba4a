import { deciderSpec } from '../../shared/testing/decider';
import {
  AlertCondition,
  alertConditions,
  alertsToReview,
  decideAlerts,
  evolveAlerts,
  initialAlertsState,
  InitiativeAlertsState,
  ReviewAlerts,
} from './alert.decide';
import { AlertEvent } from './alert.events';

const { given } = deciderSpec<ReviewAlerts, InitiativeAlertsState, AlertEvent>({
  initialState: initialAlertsState,
  evolve: evolveAlerts,
  decide: decideAlerts,
});

const DAY = 86_400_000;
const T0 = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(T0) + days * DAY).toISOString();
const policy = { quietPeriodHours: 48, paralysisLimitDays: 21 };

const piloting = (
  iterations: { number: number; plannedEndAt: string; completedAt: string | null }[],
  decided: number[] = [],
) => ({
  status: 'PILOTING',
  proposedAt: at(-30),
  iterations,
  decisions: decided.map((iteration) => ({ iteration })),
});

describe('alert conditions', () => {
  it('holds a late iteration back for the quiet period, then makes it due', () => {
    const late = piloting([{ number: 1, plannedEndAt: T0, completedAt: null }]);
    expect(alertConditions(late, policy, at(-1))).toEqual([]);
    const [held] = alertConditions(late, policy, at(1));
    expect(held).toEqual({
      key: 'DECISION_OVERDUE:1:ITERATION_PAST_END',
      alert: 'DECISION_OVERDUE',
      iteration: 1,
      overdueKind: 'ITERATION_PAST_END',
      since: T0,
      due: false,
    });
    expect(alertConditions(late, policy, at(2.01))[0].due).toBe(true);
    expect(alertConditions(late, { ...policy, quietPeriodHours: 0 }, at(0.001))[0].due).toBe(true);
  });

  it('a completed iteration without a decision is overdue from its completion', () => {
    const pending = piloting([{ number: 2, plannedEndAt: at(5), completedAt: at(1) }]);
    expect(alertConditions(pending, policy, at(3.5))).toMatchObject([
      { key: 'DECISION_OVERDUE:2:DECISION_PENDING', since: at(1), due: true },
    ]);
    expect(
      alertConditions(piloting([{ number: 2, plannedEndAt: at(5), completedAt: at(1) }], [2]), policy, at(9)),
    ).toEqual([]);
  });

  it('a proposal waits for launch past the team limit', () => {
    const proposal = { status: 'DEFINED', proposedAt: T0 };
    expect(alertConditions(proposal, policy, at(20))).toMatchObject([{ key: 'ANALYSIS_PARALYSIS', due: false }]);
    expect(alertConditions(proposal, policy, at(21.5))).toMatchObject([
      { key: 'ANALYSIS_PARALYSIS', since: T0, due: true },
    ]);
    expect(alertConditions({ status: 'SCALED', proposedAt: T0 }, policy, at(100))).toEqual([]);
  });
});

describe('reviewing the alerts of an initiative', () => {
  const condition = (overrides: Partial<AlertCondition> = {}): AlertCondition => ({
    key: 'DECISION_OVERDUE:1:ITERATION_PAST_END',
    alert: 'DECISION_OVERDUE',
    iteration: 1,
    overdueKind: 'ITERATION_PAST_END',
    since: T0,
    due: true,
    ...overrides,
  });
  const review = (conditions: AlertCondition[], now = at(3)): ReviewAlerts => ({
    type: 'ReviewAlerts',
    initiativeId: 'i1',
    teamId: 'smb',
    conditions,
    now,
  });
  const raised: AlertEvent = {
    type: 'AlertRaised',
    data: {
      alertId: 'i1:DECISION_OVERDUE:1:ITERATION_PAST_END#1',
      key: 'DECISION_OVERDUE:1:ITERATION_PAST_END',
      alert: 'DECISION_OVERDUE',
      initiativeId: 'i1',
      teamId: 'smb',
      iteration: 1,
      overdueKind: 'ITERATION_PAST_END',
      since: T0,
      occurrence: 1,
      raisedAt: at(3),
    },
  };
  const cleared: AlertEvent = {
    type: 'AlertCleared',
    data: { alertId: raised.data.alertId, key: raised.data.key, initiativeId: 'i1', teamId: 'smb', clearedAt: at(4) },
  };

  it('raises a due condition once', () => {
    given([])
      .when(review([condition()]))
      .then([raised]);
    given([raised])
      .when(review([condition()], at(5)))
      .then([]);
  });

  it('raises nothing for a condition still in its quiet period', () => {
    given([])
      .when(review([condition({ due: false })]))
      .then([]);
  });

  it('keeps an alert raised while its condition holds, even if a clock reads it as not yet due', () => {
    given([raised])
      .when(review([condition({ due: false })]))
      .then([]);
  });

  it('clears an alert whose condition ended, and raises it again only when it recurs', () => {
    given([raised])
      .when(review([], at(4)))
      .then([cleared]);
    given([raised, cleared])
      .when(review([], at(5)))
      .then([]);
    const [again] = given([raised, cleared])
      .when(review([condition()], at(6)))
      .events();
    expect(again).toMatchObject({
      type: 'AlertRaised',
      data: { alertId: 'i1:DECISION_OVERDUE:1:ITERATION_PAST_END#2', occurrence: 2, raisedAt: at(6) },
    });
  });

  it('tells the reviewer whether a review would record anything', () => {
    const state = [raised].reduce(evolveAlerts, initialAlertsState);
    expect(alertsToReview(state, [condition()])).toBe(false);
    expect(alertsToReview(state, [])).toBe(true);
    expect(alertsToReview(initialAlertsState, [condition({ due: false })])).toBe(false);
    expect(alertsToReview(initialAlertsState, [condition()])).toBe(true);
  });
});
