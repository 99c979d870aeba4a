import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '../auth/principal';
import { CLOCK, Clock } from '../clock';
import { Position } from '../event-store/event-store.port';
import { notFound } from '../graphql/errors';
import { COMMAND_DEPENDENCIES } from './command-dependencies';
import {
  CommandHandlingDependencies,
  Decider,
  deterministicUuid,
  DomainEvent,
  handleCommand,
  loadState,
} from './handle-command';

export interface CommandOutcome {
  /** Id of the entity the command created or changed. */
  id: string;
  version: number;
  position: Position | null;
}

export interface CommandOptions {
  commandId?: string;
  expectedVersion?: number;
}

export interface Target<Command, State, Event extends DomainEvent> {
  entity: string;
  id: string;
  streamId: string;
  decider: Decider<Command, State, Event>;
  /** False for the command that creates the entity. */
  mustExist: boolean;
}

/** The write path shared by every command handler: actor and time in, events appended, outcome out. */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandHandlingDependencies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run<Command, State, Event extends DomainEvent>(
    target: Target<Command, State, Event>,
    build: (now: string) => Command,
    options: CommandOptions,
    principal: Principal,
  ): Promise<CommandOutcome> {
    const now = this.clock.now();
    const result = await handleCommand(this.deps, target.streamId, target.decider, build(now), {
      actor: principal.sub,
      now,
      commandId: options.commandId,
      expectedVersion: options.expectedVersion,
      missingStream: target.mustExist ? () => notFound(target.entity, target.id) : undefined,
    });
    return { id: target.id, version: result.version, position: result.position };
  }

  /** Folds another aggregate's stream, e.g. the team an initiative command must check. */
  async load<State, Event extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<unknown, State, Event>, 'initialState' | 'evolve'>,
  ): Promise<{ state: State; version: number }> {
    return loadState(this.deps, streamId, decider);
  }

  /** A new entity's id: the client's, or one derived from the commandId so a retry lands on the same entity. */
  newId(chosen: string | undefined, commandId: string | undefined, kind: string): string {
    if (chosen) return chosen;
    return commandId ? deterministicUuid(`${kind}|${commandId}`) : randomUUID();
  }
}
