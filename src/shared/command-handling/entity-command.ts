import { Injectable } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import { Principal } from '../auth/principal';
import { DomainEvent, EntityType } from '../domain/decider';
import { CommandHandling, CommandOutcome, Sender } from './command-handling';

/** What any client may add to a command: an idempotency key, and on an existing entity the version it saw. */
export interface SenderOptions {
  commandId?: string;
  expectedVersion?: number;
}

/**
 * A command as the CommandBus carries it: its typed fields and who sends it. Each use case has
 * its own subclass (`LaunchPilotCommand`), named apart from the domain's command (`LaunchPilot`)
 * that its handler builds. Any client may send it: a GraphQL mutation, a batch, a rule.
 */
export abstract class EntityCommand<Fields extends object> extends Command<CommandOutcome> {
  readonly fields: Fields;
  readonly sender: Sender;

  constructor(input: Fields & SenderOptions, principal: Principal) {
    super();
    const { commandId, expectedVersion, ...fields } = input;
    this.fields = fields as Fields;
    this.sender = { principal, commandId, expectedVersion };
  }
}

/** When a command is decided: the service clock's reading, and the id of the entity it is about. */
export interface Moment {
  now: string;
  id: string;
}

/**
 * The handler of one use case: which entity the command is about, who may send it, and the
 * domain decision it asks for. Folding, the idempotency key, the expected version and the append
 * are the same for every command and happen in `CommandHandling`.
 */
@Injectable()
export abstract class EntityCommandHandler<C extends EntityCommand<object>, State, Event extends DomainEvent> {
  constructor(protected readonly commands: CommandHandling) {}

  protected abstract readonly entityType: EntityType<State, Event>;
  /** True for the command that creates the entity. */
  protected readonly creates: boolean = false;

  /** The id of the entity the command is about; the command that creates one gives the new id. */
  protected abstract entityId(command: C): string;
  /** Throws Forbidden when the sender may not send this command to the entity as it stands. */
  protected abstract authorize(principal: Principal, state: State, command: C): void;
  /** The events the domain decides: the handler builds the domain's command and calls its decide. */
  protected abstract decide(state: State, command: C, moment: Moment): Event[] | Promise<Event[]>;

  execute(command: C): Promise<CommandOutcome> {
    const id = this.entityId(command);
    return this.commands.handle(this.entityType, id, command.sender, {
      creates: this.creates,
      authorize: (state) => this.authorize(command.sender.principal, state, command),
      decide: (state, now) => this.decide(state, command, { now, id }),
    });
  }
}
