import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { canRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Connection, paginate } from '../../shared/graphql/pagination';
import { DecisionView } from '../initiative-details/initiative-details.projection';
import { Decision, DecisionConnection } from '../initiative-details/initiative.model';
import { InitiativeQueries } from '../initiative-details/initiative.queries';
import { DecisionFilter } from './decision-filter.input';

@Resolver(() => Decision)
export class DecisionLogResolver {
  constructor(private readonly initiatives: InitiativeQueries) {}

  @Query(() => DecisionConnection, { description: 'Decisions the token covers, oldest first' })
  decisions(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => DecisionFilter, nullable: true }) filter?: DecisionFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Connection<DecisionView> {
    const matching = this.initiatives
      .all()
      .filter(
        (i) =>
          canRead(principal, i.teamId) &&
          (!filter?.teamId || i.teamId === filter.teamId) &&
          (!filter?.initiativeId || i.id === filter.initiativeId),
      )
      .flatMap((i) => i.decisions)
      .filter(
        (d) =>
          (!filter?.kind || d.kind === filter.kind) &&
          (!filter?.from || d.decidedAt >= filter.from) &&
          (!filter?.to || d.decidedAt <= filter.to),
      )
      .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.id.localeCompare(b.id));
    return paginate(matching, (d) => `${d.decidedAt}|${d.id}`, first, after);
  }
}
