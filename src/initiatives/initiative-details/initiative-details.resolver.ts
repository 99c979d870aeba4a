import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { authorizeRead, canRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Connection, paginate } from '../../shared/graphql/pagination';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { Initiative, InitiativeConnection } from './initiative.model';
import { InitiativeFilter } from './initiative-filter.input';
import { InitiativeQueries } from './initiative.queries';

@Resolver(() => Initiative)
export class InitiativeDetailsResolver {
  constructor(private readonly initiativeQueries: InitiativeQueries) {}

  @Query(() => Initiative, { nullable: true, description: 'An initiative, or as it stood at asOf' })
  async initiative(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Initiative | null> {
    const view = this.initiativeQueries.view(id);
    if (!view) return null;
    authorizeRead(principal, view.teamId);
    return this.initiativeQueries.byId(id, asOf ?? undefined);
  }

  @Query(() => InitiativeConnection, { description: 'Initiatives the token covers, in the order they were proposed' })
  initiatives(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => InitiativeFilter, nullable: true }) filter?: InitiativeFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Connection<Initiative> {
    const matching = this.initiativeQueries
      .all()
      .filter(
        (i) =>
          canRead(principal, i.teamId) &&
          (!filter?.teamId || i.teamId === filter.teamId) &&
          (!filter?.status || i.status === filter.status) &&
          (!filter?.ownerId || i.ownerId === filter.ownerId),
      )
      .sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id));
    const page = paginate(matching, (i) => `${i.proposedAt}|${i.id}`, first, after);
    return {
      ...page,
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: this.initiativeQueries.current(edge.node.id)! })),
    };
  }
}
