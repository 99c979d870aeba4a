import { RuleBroken } from '../domain/rule-broken';

export interface PureDecider<Command, State, Event> {
  initialState: State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}

export interface DeciderScenario<Command, Event> {
  when(command: Command): DeciderOutcome<Event>;
}

export interface DeciderOutcome<Event> {
  /** Asserts the exact events the command decides. */
  then(expected: Event[]): void;
  /** Asserts the command breaks `rule`; returns the error so a test can look at its message or field. */
  thenThrows(rule: string, field?: string): RuleBroken;
  /** The events decided, for assertions that only care about part of them. */
  events(): Event[];
}

/**
 * Given/when/then on events: the state comes only from folding the given events, so a test
 * reads like the stream it describes and never reaches into private state.
 */
export function deciderSpec<Command, State, Event>(decider: PureDecider<Command, State, Event>) {
  return {
    given(history: Event[] = []): DeciderScenario<Command, Event> {
      return {
        when(command: Command): DeciderOutcome<Event> {
          const decide = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState));
          return {
            then(expected: Event[]) {
              expect(decide()).toEqual(expected);
            },
            thenThrows(rule: string, field?: string): RuleBroken {
              let events: Event[] | undefined;
              try {
                events = decide();
              } catch (error) {
                expect(error).toBeInstanceOf(RuleBroken);
                const broken = error as RuleBroken;
                expect(broken.rule).toBe(rule);
                expect(broken.message.length).toBeGreaterThan(0);
                if (field !== undefined) expect(broken.field).toBe(field);
                return broken;
              }
              throw new Error(`Expected rule ${rule} to be broken, but the command decided ${JSON.stringify(events)}`);
            },
            events: decide,
          };
        },
      };
    },
  };
}
