import { TeamCommand } from '../domain/team.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { teamStreamId } from '../domain/team.events';
import { teamDecider } from '../team-decider';
import { AddTeamMemberInput } from './add-team-member.input';

export class AddTeamMember {
  constructor(
    readonly input: AddTeamMemberInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(AddTeamMember)
export class AddTeamMemberHandler implements ICommandHandler<AddTeamMember, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ input, principal }: AddTeamMember): Promise<CommandOutcome> {
    return this.commands.run(
      { entity: 'team', id: input.teamId, streamId: teamStreamId(input.teamId), decider: teamDecider, mustExist: true },
      (now): TeamCommand => ({
        type: 'AddTeamMember',
        teamId: input.teamId,
        memberId: input.memberId,
        name: input.name,
        role: input.role,
        managerId: input.managerId ?? null,
        now,
      }),
      input,
      principal,
    );
  }
}
