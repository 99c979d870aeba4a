import { Decider } from '../shared/command-handling/handle-command';
import { CommandRunner } from '../shared/command-handling/command-runner';
import { notFound } from '../shared/graphql/errors';
import { teamDecider } from '../teams/team-decider';
import { teamStreamId } from '../teams/domain/team.events';
import { teamSnapshot, TeamSnapshot } from '../teams/domain/team.state';
import { InitiativeCommand } from './domain/initiative.commands';
import { decideInitiative } from './domain/initiative.decide';
import { InitiativeEvent, initiativeStreamId } from './domain/initiative.events';
import { evolveInitiative, initialInitiativeState, InitiativeState } from './domain/initiative.state';

export const initiativeDecider: Decider<InitiativeCommand, InitiativeState, InitiativeEvent> = {
  initialState: () => initialInitiativeState,
  evolve: evolveInitiative,
  decide: decideInitiative,
};

export function existingInitiative(initiativeId: string) {
  return {
    entity: 'initiative',
    id: initiativeId,
    streamId: initiativeStreamId(initiativeId),
    decider: initiativeDecider,
    mustExist: true,
  };
}

/** Rules that span aggregates read the team's current state here and pass it into the command. */
export async function loadTeamSnapshot(commands: CommandRunner, teamId: string): Promise<TeamSnapshot> {
  const { state, version } = await commands.load(teamStreamId(teamId), teamDecider);
  if (version === 0) throw notFound('team', teamId);
  return teamSnapshot(state);
}
