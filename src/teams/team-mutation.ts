import { notFound } from '../shared/graphql/errors';
import { CommandOutcome } from '../shared/command-handling/command-runner';
import { ReadModels } from '../shared/projections/read-models';
import { Team } from './team-details/team.model';
import { TeamQueries } from './team-details/team.queries';

/** A mutation answers with the team as its own write left it. */
export async function teamAfter(outcome: CommandOutcome, readModels: ReadModels, teams: TeamQueries): Promise<Team> {
  await readModels.include(outcome.position);
  const team = await teams.byId(outcome.id);
  if (!team) throw notFound('team', outcome.id);
  return team;
}
