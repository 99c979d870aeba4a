import { Decider, EntityType, streamIdOf } from '../domain/decider';
import { unreachable, ignoreUnknownEvent } from '../domain/exhaustive';
import { RuleBroken } from '../domain/rule-broken';

export type LeaseTaken = {
  type: 'LeaseTaken';
  data: { lease: string; holder: string; takenAt: string; expiresAt: string };
};
export type LeaseReleased = { type: 'LeaseReleased'; data: { lease: string; holder: string; releasedAt: string } };
export type LeaseEvent = LeaseTaken | LeaseReleased;

export const LEASE_SCHEMA_VERSIONS: Readonly<Record<LeaseEvent['type'], number>> = { LeaseTaken: 1, LeaseReleased: 1 };

export type LeaseState = { holder: string | null; expiresAt: string | null };

export const initialLeaseState: LeaseState = { holder: null, expiresAt: null };

export function evolveLease(state: LeaseState, event: LeaseEvent): LeaseState {
  switch (event.type) {
    case 'LeaseTaken':
      return { holder: event.data.holder, expiresAt: event.data.expiresAt };
    case 'LeaseReleased':
      return state.holder === event.data.holder ? initialLeaseState : state;
    default:
      return ignoreUnknownEvent(event, state);
  }
}

export type TakeLease = { type: 'TakeLease'; lease: string; holder: string; ttlMs: number; now: string };
export type ReleaseLease = { type: 'ReleaseLease'; lease: string; holder: string; now: string };
export type LeaseCommand = TakeLease | ReleaseLease;

function heldElsewhere(state: LeaseState, holder: string, now: string): boolean {
  return state.holder !== null && state.holder !== holder && state.expiresAt !== null && now < state.expiresAt;
}

/**
 * A lease: one holder at a time until it expires. Taking it again while more than half of its
 * time is left records nothing, so a holder that asks often writes one event per half lease.
 */
export function decideLease(command: LeaseCommand, state: LeaseState): LeaseEvent[] {
  switch (command.type) {
    case 'TakeLease': {
      if (heldElsewhere(state, command.holder, command.now)) {
        throw new RuleBroken('LeaseHeldElsewhere', `${state.holder} holds ${command.lease} until ${state.expiresAt}`);
      }
      const left =
        state.holder === command.holder && state.expiresAt ? Date.parse(state.expiresAt) - Date.parse(command.now) : 0;
      if (left > command.ttlMs / 2) return [];
      const expiresAt = new Date(Date.parse(command.now) + command.ttlMs).toISOString();
      return [
        { type: 'LeaseTaken', data: { lease: command.lease, holder: command.holder, takenAt: command.now, expiresAt } },
      ];
    }
    case 'ReleaseLease':
      if (state.holder !== command.holder) return [];
      return [
        { type: 'LeaseReleased', data: { lease: command.lease, holder: command.holder, releasedAt: command.now } },
      ];
    default:
      return unreachable(command);
  }
}

/** A lease is a stream of its own; whoever appends LeaseTaken on the version they read holds it. */
export const leaseDecider: Decider<LeaseCommand, LeaseState, LeaseEvent> & EntityType<LeaseState, LeaseEvent> = {
  entity: 'lease',
  streamId: (name) => streamIdOf('lease', name),
  initialState: () => initialLeaseState,
  evolve: evolveLease,
  decide: decideLease,
};
