import { Injectable } from '@nestjs/common';
import { decisionIndexProjection } from '../initiatives/decision-log/decision-index.projection';
import { ChainVerification } from '../shared/event-store/hash-chain';
import { notFound } from '../shared/graphql/errors';
import { ReadModels } from '../shared/projections/read-models';
import { History } from './as-of';
import { AuditEntry, DecisionReplayResult, initiativeTrail, replayDecision, verifyInitiative } from './audit-log';

/** The audit trail of an initiative, the replay of any decision, and the check of the hash chain. */
@Injectable()
export class AuditQueries {
  constructor(
    private readonly readModels: ReadModels,
    private readonly history: History,
  ) {}

  async trail(initiativeId: string): Promise<AuditEntry[]> {
    const entries = await initiativeTrail(this.history.source.store, initiativeId);
    if (entries.length === 0) throw notFound('initiative', initiativeId);
    return entries;
  }

  async verify(initiativeId: string): Promise<ChainVerification> {
    const verification = await verifyInitiative(this.history.source.store, initiativeId);
    if (!verification) throw notFound('initiative', initiativeId);
    return verification;
  }

  /** The initiative id of a decision, or NOT_FOUND. */
  initiativeOfDecision(decisionId: string): string {
    const location = this.readModels.views(decisionIndexProjection).get(decisionId);
    if (!location) throw notFound('decision', decisionId);
    return location.initiativeId;
  }

  async replay(decisionId: string): Promise<DecisionReplayResult> {
    const location = this.readModels.views(decisionIndexProjection).get(decisionId);
    const replay = location ? await replayDecision(this.history.source, location) : null;
    if (!replay) throw notFound('decision', decisionId);
    return replay;
  }
}
