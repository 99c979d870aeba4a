import { deciderSpec } from '../testing/decider';
import { decideLease, evolveLease, initialLeaseState, LeaseCommand, LeaseEvent, LeaseState } from './lease.decide';

const { given } = deciderSpec<LeaseCommand, LeaseState, LeaseEvent>({
  initialState: initialLeaseState,
  evolve: evolveLease,
  decide: decideLease,
});
const T0 = '2026-03-02T09:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const take = (holder: string, now: string): LeaseCommand => ({
  type: 'TakeLease',
  lease: 'l',
  holder,
  ttlMs: 30_000,
  now,
});
const taken = (holder: string, now: string): LeaseEvent => ({
  type: 'LeaseTaken',
  data: { lease: 'l', holder, takenAt: now, expiresAt: new Date(Date.parse(now) + 30_000).toISOString() },
});

describe('a lease', () => {
  it('goes to the first who takes it, and not to another until it expires', () => {
    given([])
      .when(take('a', T0))
      .then([taken('a', T0)]);
    given([taken('a', T0)])
      .when(take('b', at(29)))
      .thenThrows('LeaseHeldElsewhere');
    given([taken('a', T0)])
      .when(take('b', at(30)))
      .then([taken('b', at(30))]);
  });

  it('is renewed by its holder only once half of it has passed', () => {
    given([taken('a', T0)])
      .when(take('a', at(10)))
      .then([]);
    given([taken('a', T0)])
      .when(take('a', at(16)))
      .then([taken('a', at(16))]);
  });

  it('is free for another once its holder releases it', () => {
    const released: LeaseEvent = { type: 'LeaseReleased', data: { lease: 'l', holder: 'a', releasedAt: at(1) } };
    given([taken('a', T0)])
      .when({ type: 'ReleaseLease', lease: 'l', holder: 'a', now: at(1) })
      .then([released]);
    given([taken('a', T0)])
      .when({ type: 'ReleaseLease', lease: 'l', holder: 'b', now: at(1) })
      .then([]);
    given([taken('a', T0), released])
      .when(take('b', at(2)))
      .then([taken('b', at(2))]);
  });
});
