/** The service's source of time; commands carry its reading into the domain. */
export interface Clock {
  now(): string;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date().toISOString() };
