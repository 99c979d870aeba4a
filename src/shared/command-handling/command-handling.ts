import { randomUUID } from 'node:crypto';
import { Principal } from '../auth/principal';
import { Clock } from '../clock';
import { DomainEvent, EntityType } from '../domain/decider';
import { NotFound } from '../domain/not-found';
import { Position } from '../event-store/event-store.port';
import { CommandHandlingDependencies, deterministicUuid, handleCommand, loadState } from './handle-command';

/** Who sends a command: the token's principal, the idempotency key, and the version the client saw. */
export interface Sender {
  principal: Principal;
  commandId?: string;
  expectedVersion?: number;
}

/** What a write answers: the entity it created or changed, its version after, where the write stands in the log. */
export interface CommandOutcome {
  entity: string;
  id: string;
  version: number;
  /** Position of the entity's last event, for waiting until read models include it. */
  position: Position | null;
}

/** What one command does to the entity as it stands: who may send it, and what the domain decides. */
export interface Change<State, Event extends DomainEvent> {
  /** True for the command that creates the entity: an empty stream is where it starts, not an unknown id. */
  creates: boolean;
  /** Throws Forbidden for a sender who may not send this command to the entity as it stands. */
  authorize(state: State): void;
  decide(state: State, now: string): Event[] | Promise<Event[]>;
}

/**
 * The write path every command takes: fold the entity's stream (from the state cache), check the
 * sender, decide with the service's clock, append with the version read. State comes from the
 * event store only, never from a read model, so any replica can take any command at once.
 */
export class CommandHandling {
  constructor(
    private readonly deps: CommandHandlingDependencies,
    private readonly clock: Clock,
  ) {}

  async handle<State, Event extends DomainEvent>(
    type: EntityType<State, Event>,
    id: string,
    sender: Sender,
    change: Change<State, Event>,
  ): Promise<CommandOutcome> {
    const now = this.clock.now();
    const result = await handleCommand(this.deps, type.streamId(id), type, (state) => change.decide(state, now), {
      actor: sender.principal.sub,
      now,
      commandId: sender.commandId,
      expectedVersion: sender.expectedVersion,
      missingStream: change.creates ? undefined : () => new NotFound(type.entity, id),
      authorize: (state) => change.authorize(state),
    });
    return { entity: type.entity, id, version: result.version, position: result.position };
  }

  /** The current state of an entity a command's rules read, e.g. the team of an initiative. */
  async load<State, Event extends DomainEvent>(type: EntityType<State, Event>, id: string): Promise<State> {
    const { state, version } = await loadState(this.deps, type.streamId(id), type);
    if (version === 0) throw new NotFound(type.entity, id);
    return state;
  }

  /** A new entity's id: the client's, or one derived from the commandId so a retry lands on the same entity. */
  newId(kind: string, sender: Sender, chosen?: string): string {
    if (chosen) return chosen;
    return sender.commandId ? deterministicUuid(`${kind}|${sender.commandId}`) : randomUUID();
  }
}
