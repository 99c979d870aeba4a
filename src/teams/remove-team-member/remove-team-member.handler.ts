import { TeamCommand } from '../domain/team.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { teamStreamId } from '../domain/team.events';
import { teamDecider } from '../team-decider';
import { RemoveTeamMemberInput } from './remove-team-member.input';

export class RemoveTeamMember {
  constructor(
    readonly input: RemoveTeamMemberInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(RemoveTeamMember)
export class RemoveTeamMemberHandler implements ICommandHandler<RemoveTeamMember, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ input, principal }: RemoveTeamMember): Promise<CommandOutcome> {
    return this.commands.run(
      { entity: 'team', id: input.teamId, streamId: teamStreamId(input.teamId), decider: teamDecider, mustExist: true },
      (now): TeamCommand => ({
        type: 'RemoveTeamMember',
        teamId: input.teamId,
        memberId: input.memberId,
        now,
      }),
      input,
      principal,
    );
  }
}
