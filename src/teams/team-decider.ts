import { Decider } from '../shared/command-handling/handle-command';
import { TeamCommand } from './domain/team.commands';
import { decideTeam } from './domain/team.decide';
import { TeamEvent } from './domain/team.events';
import { evolveTeam, initialTeamState, TeamState } from './domain/team.state';

export const teamDecider: Decider<TeamCommand, TeamState, TeamEvent> = {
  initialState: () => initialTeamState,
  evolve: evolveTeam,
  decide: decideTeam,
};
