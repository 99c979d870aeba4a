import { Injectable } from '@nestjs/common';
import { Command, CommandBus } from '@nestjs/cqrs';
import { CommandOutcome } from '../command-handling/command-handling';
import { NotFound } from '../domain/not-found';
import { ReadModels } from '../projections/read-models';
import { ReadModelsAt } from '../time-travel/time-travel';

/**
 * What every mutation does around its command: send it on the CommandBus, wait until this
 * replica's read models include the write (ACCEPTED when they do not in time), and answer with
 * the entity as its write left it.
 */
@Injectable()
export abstract class MutationResolver<Answer> {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readModels: ReadModels,
  ) {}

  /** The entity as the read models show it at an instant; null when they do not know it. */
  protected abstract readonly answer: (at: ReadModelsAt, id: string) => Answer | null;

  protected async send(command: Command<CommandOutcome>): Promise<Answer> {
    const outcome = await this.commandBus.execute(command);
    await this.readModels.include(outcome);
    const answer = this.answer(this.readModels.now(), outcome.id);
    if (answer === null) throw new NotFound(outcome.entity, outcome.id);
    return answer;
  }
}
