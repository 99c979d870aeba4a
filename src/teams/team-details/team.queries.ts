import { Injectable } from '@nestjs/common';
import { History } from '../../audit/as-of';
import { ReadModels } from '../../shared/projections/read-models';
import { teamStreamId } from '../domain/team.events';
import { Team } from './team.model';
import { headcountOf, teamDetailsProjection, TeamView } from './team-details.projection';

export function toTeam(view: TeamView): Team {
  return { ...view, headcount: headcountOf(view), members: [...view.members] };
}

@Injectable()
export class TeamQueries {
  constructor(
    private readonly readModels: ReadModels,
    private readonly history: History,
  ) {}

  view(id: string): TeamView | undefined {
    return this.readModels.views(teamDetailsProjection).get(id);
  }

  async byId(id: string, asOf?: string): Promise<Team | null> {
    if (asOf === undefined) {
      const view = this.view(id);
      return view ? toTeam(view) : null;
    }
    const past = await this.history.foldStreams([teamStreamId(id)], asOf, [teamDetailsProjection]);
    const view = past.of(teamDetailsProjection).get(id);
    return view ? toTeam(view) : null;
  }

  all(): Team[] {
    return [...this.readModels.views(teamDetailsProjection).values()]
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id))
      .map(toTeam);
  }
}
