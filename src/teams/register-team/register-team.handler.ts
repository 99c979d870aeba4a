import { TeamCommand } from '../domain/team.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Principal } from '../../shared/auth/principal';
import { CommandOutcome, CommandRunner } from '../../shared/command-handling/command-runner';
import { teamStreamId } from '../domain/team.events';
import { teamDecider } from '../team-decider';
import { RegisterTeamInput } from './register-team.input';

export class RegisterTeam {
  constructor(
    readonly input: RegisterTeamInput,
    readonly principal: Principal,
  ) {}
}

@CommandHandler(RegisterTeam)
export class RegisterTeamHandler implements ICommandHandler<RegisterTeam, CommandOutcome> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ input, principal }: RegisterTeam): Promise<CommandOutcome> {
    const teamId = this.commands.newId(input.teamId, input.commandId, 'team');
    return this.commands.run(
      { entity: 'team', id: teamId, streamId: teamStreamId(teamId), decider: teamDecider, mustExist: false },
      (now): TeamCommand => ({
        type: 'RegisterTeam',
        teamId,
        name: input.name,
        impactThreshold: input.impactThreshold ?? 0.5,
        paralysisLimitDays: input.paralysisLimitDays ?? 21,
        now,
      }),
      input,
      principal,
    );
  }
}
