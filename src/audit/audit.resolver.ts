import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Forbidden, requireTeam } from '../shared/auth/authorization';
import { Principal } from '../shared/auth/principal';
import { CurrentPrincipal } from '../shared/auth/request-principal';
import { NotFound } from '../shared/domain/not-found';
import { EVENT_STORE, EventStore, STORED_EVENTS } from '../shared/event-store/event-store.port';
import { Connection, paginate } from '../shared/graphql/pagination';
import { DateTimeScalar } from '../shared/graphql/scalars';
import { ReadModels } from '../shared/projections/read-models';
import { decisionLogProjection, findDecision } from '../initiatives/decision-log/decision-log.projection';
import { AuditEvent, AuditEventConnection, AuditVerification, DecisionReplay } from './audit.model';
import { initiativeTrail, replayDecision, verifyInitiative } from './audit-log';

/** The audit trail, decision replay and chain check are for auditors and directors, on their teams. */
function authorizeAudit(principal: Principal, teamId: string): void {
  if (principal.role !== 'AUDITOR' && principal.role !== 'DIRECTOR') {
    throw new Forbidden('The audit trail is for auditors and directors');
  }
  requireTeam(principal, teamId);
}

@Resolver()
export class AuditResolver {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(STORED_EVENTS) private readonly stored: EventStore,
    @Inject(EVENT_STORE) private readonly current: EventStore,
  ) {
    readModels.register(decisionLogProjection);
  }

  private authorize(principal: Principal, initiativeId: string): void {
    const log = this.readModels.views(decisionLogProjection).get(initiativeId);
    if (!log) throw new NotFound('initiative', initiativeId);
    authorizeAudit(principal, log.teamId);
  }

  @Query(() => AuditEventConnection, {
    description: 'Every event of an initiative, in order, with who and when; or those that had occurred by asOf',
  })
  async auditTrail(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string,
  ): Promise<Connection<AuditEvent>> {
    this.authorize(principal, initiativeId);
    const events = await initiativeTrail(this.stored, initiativeId, asOf ?? undefined);
    if (events.length === 0) throw new NotFound('initiative', initiativeId);
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
    const decision = findDecision(this.readModels.views(decisionLogProjection), decisionId);
    if (!decision) throw new NotFound('decision', decisionId);
    authorizeAudit(principal, decision.teamId);
    const replay = await replayDecision(this.current, decision, this.readModels.streamSnapshots);
    if (!replay) throw new NotFound('decision', decisionId);
    return replay;
  }

  @Query(() => AuditVerification, {
    description: "Checks every event's hash and the chain linking them, over the events as stored now",
  })
  async verifyAuditTrail(
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AuditVerification> {
    this.authorize(principal, initiativeId);
    const verification = await verifyInitiative(this.stored, initiativeId);
    if (!verification) throw new NotFound('initiative', initiativeId);
    return { initiativeId, ...verification };
  }
}
