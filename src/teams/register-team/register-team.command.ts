import { CommandHandler } from '@nestjs/cqrs';
import { EntityCommand, Moment } from '../../shared/command-handling/entity-command';
import { decideTeam } from '../domain/team.decide';
import { TeamState } from '../domain/team.state';
import { directorsOfAllTeams, TeamCommandHandler } from '../team-command';

/** Registers a team: a director's group of line managers and ICs. */
export class RegisterTeamCommand extends EntityCommand<{
  teamId?: string;
  name: string;
  impactThreshold?: number;
  paralysisLimitDays?: number;
}> {}

@CommandHandler(RegisterTeamCommand)
export class RegisterTeamHandler extends TeamCommandHandler<RegisterTeamCommand> {
  protected override readonly creates = true;
  protected readonly policy = directorsOfAllTeams;

  protected override entityId({ fields, sender }: RegisterTeamCommand): string {
    return this.commands.newId('team', sender, fields.teamId);
  }

  protected decide(team: TeamState, { fields }: RegisterTeamCommand, { now, id }: Moment) {
    return decideTeam({ ...fields, type: 'RegisterTeam', teamId: id, now }, team);
  }
}
