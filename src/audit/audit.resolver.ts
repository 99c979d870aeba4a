import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { authorizeAudit } from '../shared/auth/authorization';
import { Principal } from '../shared/auth/principal';
import { CurrentPrincipal } from '../shared/auth/request-principal';
import { notFound } from '../shared/graphql/errors';
import { Connection, paginate } from '../shared/graphql/pagination';
import { InitiativeQueries } from '../initiatives/initiative-details/initiative.queries';
import { AuditEvent, AuditEventConnection, AuditVerification, DecisionReplay } from './audit.model';
import { AuditQueries } from './audit.queries';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly audit: AuditQueries,
    private readonly initiatives: InitiativeQueries,
  ) {}

  private authorize(principal: Principal, initiativeId: string): void {
    const view = this.initiatives.view(initiativeId);
    if (!view) throw notFound('initiative', initiativeId);
    authorizeAudit(principal, view.teamId);
  }

  @Query(() => AuditEventConnection, { description: 'Every event of an initiative, in order, with who and when' })
  async auditTrail(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Connection<AuditEvent>> {
    this.authorize(principal, initiativeId);
    const events = await this.audit.trail(initiativeId);
    return paginate(events, (e) => String(e.revision).padStart(12, '0'), first, after);
  }

  @Query(() => DecisionReplay, {
    nullable: true,
    description: 'A decision replayed: the initiative just before it and its evidence recomputed from the events',
  })
  async decisionReplay(
    @Args('decisionId', { type: () => ID }) decisionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DecisionReplay> {
    this.authorize(principal, this.audit.initiativeOfDecision(decisionId));
    return this.audit.replay(decisionId);
  }

  @Query(() => AuditVerification, { description: "Checks every event's hash and the chain linking them" })
  async verifyAuditTrail(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditVerification> {
    this.authorize(principal, initiativeId);
    return { initiativeId, ...(await this.audit.verify(initiativeId)) };
  }
}
