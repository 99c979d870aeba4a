import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { canRead } from '../../shared/auth/authorization';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Connection, paginate } from '../../shared/graphql/pagination';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReadModels } from '../../shared/projections/read-models';
import { initiativeStreamId } from '../domain/initiative.events';
import { Decision, DecisionConnection } from '../initiative-details/initiative.model';
import { DecisionFilter } from './decision-filter.input';
import { decisionLogProjection, DecisionView } from './decision-log.projection';

@Resolver(() => Decision)
export class DecisionLogResolver {
  constructor(private readonly readModels: ReadModels) {
    readModels.register(decisionLogProjection);
  }

  @Query(() => DecisionConnection, {
    description: 'Decisions the token covers, oldest first; or as they stood at asOf',
  })
  async decisions(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => DecisionFilter, nullable: true }) filter?: DecisionFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Connection<DecisionView>> {
    // An initiative's team never changes, so today's log says which initiatives the answer reads.
    const initiativeIds = [...this.readModels.views(decisionLogProjection).values()]
      .filter(
        (log) =>
          canRead(principal, log.teamId) &&
          (!filter?.teamId || log.teamId === filter.teamId) &&
          (!filter?.initiativeId || log.initiativeId === filter.initiativeId),
      )
      .map((log) => log.initiativeId);
    const at = await this.readModels.at(asOf, {
      projections: [decisionLogProjection],
      streams: initiativeIds.map(initiativeStreamId),
    });
    const logs = at.of(decisionLogProjection);
    const matching = initiativeIds
      .flatMap((id) => logs.get(id)?.decisions ?? [])
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
