import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { authorizeRead, canRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Connection, paginate } from '../../shared/graphql/pagination';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { teamStreamId } from '../../teams/domain/team.events';
import { designCheck } from '../domain/initiative.design';
import { initiativeStreamId } from '../domain/initiative.events';
import { INITIATIVE_READ_MODELS, initiativeAt, initiativeDetailsProjection } from './initiative-details.projection';
import { InitiativeFilter } from './initiative-filter.input';
import { DesignCheck, Initiative, InitiativeConnection } from './initiative.model';

@Resolver(() => Initiative)
export class InitiativeDetailsResolver {
  constructor(private readonly readModels: ReadModels) {
    readModels.register(...INITIATIVE_READ_MODELS);
  }

  @Query(() => Initiative, { nullable: true, description: 'An initiative, or as it stood at asOf' })
  async initiative(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Initiative | null> {
    const view = this.readModels.views(initiativeDetailsProjection).get(id);
    if (!view) return null;
    authorizeRead(principal, view.teamId);
    const at = await this.readModels.at(asOf, {
      projections: INITIATIVE_READ_MODELS,
      streams: [initiativeStreamId(id), teamStreamId(view.teamId)],
    });
    return initiativeAt(at, id);
  }

  @Query(() => InitiativeConnection, {
    description: 'Initiatives the token covers, in the order they were proposed; or as they stood at asOf',
  })
  async initiatives(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => InitiativeFilter, nullable: true }) filter?: InitiativeFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Connection<Initiative>> {
    // The initiatives of a past instant are among today's, each in the team it has today.
    const candidates = [...this.readModels.views(initiativeDetailsProjection).values()].filter(
      (i) => canRead(principal, i.teamId) && (!filter?.teamId || i.teamId === filter.teamId),
    );
    const teamIds = new Set(candidates.map((i) => i.teamId));
    const at = await this.readModels.at(asOf, {
      projections: INITIATIVE_READ_MODELS,
      streams: [...candidates.map((i) => initiativeStreamId(i.id)), ...[...teamIds].map(teamStreamId)],
    });
    const views = at.of(initiativeDetailsProjection);
    const matching = candidates
      .flatMap((candidate) => views.get(candidate.id) ?? [])
      .filter(
        (i) => (!filter?.status || i.status === filter.status) && (!filter?.ownerId || i.ownerId === filter.ownerId),
      )
      .sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id));
    const page = paginate(matching, (i) => `${i.proposedAt}|${i.id}`, first, after);
    return { ...page, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: initiativeAt(at, node.id)! })) };
  }

  @ResolveField(() => DesignCheck, {
    nullable: true,
    description:
      "What a pilot of this design can show: the smallest possible p-value, whether the rule's confidence is reachable, the minimum detectable effect, warnings. Sizes default to the launched cohorts; null before any metric",
  })
  designCheck(
    @Parent() initiative: Initiative,
    @Args('pilotSize', { type: () => Int, nullable: true, description: 'Planned people in the pilot cohort' })
    pilotSize?: number,
    @Args('controlSize', { type: () => Int, nullable: true, description: 'Planned people in the control cohort' })
    controlSize?: number,
  ): DesignCheck | null {
    if (!initiative.design) return null;
    const { participants, controls, ...facts } = initiative.design;
    const planned = (size: number | undefined | null) =>
      size === undefined || size === null ? null : Math.max(0, size);
    return designCheck(facts, {
      pilotSize: planned(pilotSize) ?? participants,
      controlSize: planned(controlSize) ?? controls,
    });
  }
}
