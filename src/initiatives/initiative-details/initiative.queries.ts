import { Injectable } from '@nestjs/common';
import { History } from '../../audit/as-of';
import { InitiativeFacts } from '../../shared/auth/authorization';
import { CLOCK, Clock } from '../../shared/clock';
import { notFound } from '../../shared/graphql/errors';
import { ReadModels } from '../../shared/projections/read-models';
import { teamStreamId } from '../../teams/domain/team.events';
import { teamDetailsProjection } from '../../teams/team-details/team-details.projection';
import { initiativeStreamId } from '../domain/initiative.events';
import { Initiative } from './initiative.model';
import { initiativeDetailsProjection, InitiativeView } from './initiative-details.projection';
import { initiativeAt } from './initiative.read';
import { Inject } from '@nestjs/common';

@Injectable()
export class InitiativeQueries {
  constructor(
    private readonly readModels: ReadModels,
    private readonly history: History,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  view(id: string): InitiativeView | undefined {
    return this.readModels.views(initiativeDetailsProjection).get(id);
  }

  /** The facts authorization needs; NOT_FOUND for an unknown initiative. */
  facts(id: string): InitiativeFacts {
    const view = this.view(id);
    if (!view) throw notFound('initiative', id);
    return { teamId: view.teamId, ownerId: view.ownerId, recommendation: view.impact.recommendation };
  }

  now(): string {
    return this.clock.now();
  }

  current(id: string): Initiative | null {
    const view = this.view(id);
    if (!view) return null;
    return initiativeAt(view, this.readModels.views(teamDetailsProjection).get(view.teamId), this.now());
  }

  async byId(id: string, asOf?: string): Promise<Initiative | null> {
    if (asOf === undefined) return this.current(id);
    const teamId = this.view(id)?.teamId;
    const streams = teamId ? [initiativeStreamId(id), teamStreamId(teamId)] : [initiativeStreamId(id)];
    const past = await this.history.foldStreams(streams, asOf, [initiativeDetailsProjection, teamDetailsProjection]);
    const view = past.of(initiativeDetailsProjection).get(id);
    return view ? initiativeAt(view, teamId ? past.of(teamDetailsProjection).get(teamId) : undefined, asOf) : null;
  }

  all(): InitiativeView[] {
    return [...this.readModels.views(initiativeDetailsProjection).values()];
  }
}
