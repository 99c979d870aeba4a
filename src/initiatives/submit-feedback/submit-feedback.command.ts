import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideInitiative } from '../domain/initiative.decide';
import { FeedbackKind } from '../domain/initiative.events';
import { InitiativeState } from '../domain/initiative.state';
import { InitiativeCommandHandler } from '../initiative-command';
import { feedbackFromTheTeam } from '../initiative-policies';

/**
 * Submits a suggestion, concern or praise from a member of the team: the sender's own, unless a
 * director or manager records what `authorId` told them, which the feedback then says.
 */
export class SubmitFeedbackCommand extends EntityCommand<{
  initiativeId: string;
  authorId?: string;
  kind: FeedbackKind;
  text: string;
}> {}

@CommandHandler(SubmitFeedbackCommand)
export class SubmitFeedbackHandler extends InitiativeCommandHandler<SubmitFeedbackCommand> {
  protected readonly policy = feedbackFromTheTeam;

  protected async decide(initiative: InitiativeState, { fields, sender }: SubmitFeedbackCommand, { now }: Moment) {
    const team = await this.teamOf(initiative);
    const feedbackId = this.commands.newId('feedback', sender);
    const recordedBy = sender.principal.sub;
    const { authorId = recordedBy, kind, text } = fields;
    return decideInitiative(
      { type: 'SubmitFeedback', team, feedbackId, authorId, recordedBy, kind, text, now },
      initiative,
    );
  }
}
