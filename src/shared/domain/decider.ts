/** An event as the domain decides and folds it: plain data, its type a stable past-tense name. */
export interface DomainEvent {
  type: string;
  data: object;
}

/** How an aggregate's state is folded from its events. */
export interface Fold<State, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
}

/** An aggregate's pure rules: its fold, and the events a command decides on a state. */
export interface Decider<Command, State, Event extends DomainEvent> extends Fold<State, Event> {
  decide: (command: Command, state: State) => Event[];
}

/** An aggregate as stored: one stream per entity, named for errors and logs (`initiative`, `team`). */
export interface EntityType<State, Event extends DomainEvent> extends Fold<State, Event> {
  entity: string;
  streamId: (id: string) => string;
}

/** A stream's name: the entity type, a dash, the entity's id. Every stream id is made here. */
export function streamIdOf(entity: string, id: string): string {
  return `${entity}-${id}`;
}
