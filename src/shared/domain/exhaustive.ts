/** A command no case handles: the `never` parameter turns a forgotten case into a compile error. */
export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

/**
 * An event type no case folds is left out of the state rather than thrown on, so a replica
 * reading events written by a newer release keeps running; `never` still catches forgotten cases.
 */
export function ignoreUnknownEvent<State>(_event: never, state: State): State {
  return state;
}
