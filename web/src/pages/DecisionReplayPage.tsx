import { DECISION_REPLAY_QUERY, DecisionReplayResult, TEAM_MEMBERS_QUERY, TeamMembersResult } from '../api/queries';
import { useQuery } from '../api/useQuery';
import { canAudit } from '../auth';
import { AuditTrailList, AuditVerificationCard } from '../components/AuditPanel';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { EvidenceTable } from '../components/EvidenceTable';
import { StatusBadge } from '../components/StatusBadge';
import { DECISION_LABEL, formatDateTime, formatNumber, formatPercent, OUTCOME_LABEL } from '../format';
import { href } from '../router';
import { useSession } from '../session';

export function AuditOnly() {
  return (
    <div className="notice notice-error" role="alert">
      <strong>Not allowed for your role</strong>
      <p>Audit views (audit trail, decision replay, trail verification) are for auditors and directors.</p>
    </div>
  );
}

/** A decision replayed: the initiative the moment before, the evidence recorded beside the evidence recomputed. */
export function DecisionReplayPage({ decisionId }: { decisionId: string }) {
  const { session } = useSession();
  const allowed = canAudit(session);
  const { data, error, loading } = useQuery<DecisionReplayResult>(
    DECISION_REPLAY_QUERY,
    { decisionId },
    { skip: !allowed },
  );
  const replay = data?.decisionReplay;
  const before = replay?.initiativeBefore;
  const decision = replay?.decision;
  const members = useQuery<TeamMembersResult>(TEAM_MEMBERS_QUERY, { teamId: before?.teamId }, { skip: !before });
  if (!allowed) return <AuditOnly />;
  const decidedBy = decision
    ? (members.data?.team?.members.find((m) => m.id === decision.decidedBy)?.name ?? decision.decidedBy)
    : '';

  return (
    <>
      <header className="page-header">
        <p className="crumbs">
          {before ? <a href={href({ page: 'initiative', initiativeId: before.id })}>{before.title}</a> : 'Initiative'} /
          Decision replay
        </p>
        <h1>Decision replay{decision && `: ${DECISION_LABEL[decision.kind]} after iteration ${decision.iteration}`}</h1>
      </header>
      {error != null && <ErrorMessage error={error} context="decision replay" />}
      {loading && <Loading what="the replay" />}
      {data && !replay && <div className="notice">There is no decision "{decisionId}".</div>}
      {replay && decision && before && (
        <>
          <div
            className={`verdict big ${replay.evidenceMatches ? 'verdict-ok' : 'verdict-bad'}`}
            role="status"
            data-testid="replay-verdict"
          >
            <span aria-hidden="true">{replay.evidenceMatches ? '✓' : '✗'}</span>{' '}
            {replay.evidenceMatches ? (
              <>
                <strong>Evidence matches.</strong> Replaying the {replay.eventsBefore} events before the decision gives
                exactly the numbers its maker saw.
              </>
            ) : (
              <>
                <strong>Evidence does not match.</strong> Replaying the {replay.eventsBefore} events before the decision
                gives different numbers from those recorded in it.
              </>
            )}
          </div>
          <div className="grid two">
            <section className="card" aria-labelledby="decision-title">
              <h2 id="decision-title">The decision</h2>
              <dl className="facts">
                <dt>Kind</dt>
                <dd>
                  <span className={`decision decision-${decision.kind.toLowerCase()}`}>
                    {DECISION_LABEL[decision.kind]}
                  </span>
                </dd>
                <dt>Decided by</dt>
                <dd>{decidedBy}</dd>
                <dt>When</dt>
                <dd>{formatDateTime(decision.decidedAt)}</dd>
                <dt>Rationale</dt>
                <dd>“{decision.rationale}”</dd>
              </dl>
              <a
                href={href(
                  { page: 'initiative', initiativeId: before.id },
                  new Date(Date.parse(decision.decidedAt) - 1000).toISOString(),
                )}
              >
                Open the initiative page as it stood just before
              </a>
            </section>
            <section className="card" aria-labelledby="before-title">
              <h2 id="before-title">
                The initiative just before <StatusBadge status={before.status} />
              </h2>
              <dl className="facts">
                <dt>Hypothesis</dt>
                <dd>{before.hypothesis ?? '—'}</dd>
                <dt>Iterations</dt>
                <dd>
                  {before.iterations.length === 0
                    ? 'none'
                    : before.iterations
                        .map((i) => `${i.number}: ${i.outcome ? OUTCOME_LABEL[i.outcome] : 'open'}`)
                        .join(' · ')}
                </dd>
                <dt>Earlier decisions</dt>
                <dd>
                  {before.decisions.length === 0
                    ? 'none'
                    : before.decisions.map((d) => DECISION_LABEL[d.kind]).join(', ')}
                </dd>
                {before.metrics.map((m) => (
                  <div key={m.id} className="facts-row">
                    <dt>{m.name}</dt>
                    <dd>
                      latest {formatNumber(m.latest)} {m.unit}, baseline {formatNumber(m.baseline)}, target{' '}
                      {formatNumber(m.target)} ({formatPercent(m.progress)} of the way)
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          </div>
          <section className="card" aria-labelledby="evidence-title">
            <h2 id="evidence-title">Evidence: recorded vs recomputed</h2>
            <div className="grid two">
              {decision.evidence.map((recorded) => (
                <EvidenceTable
                  key={recorded.metricId}
                  recorded={recorded}
                  recomputed={replay.recomputedEvidence.find((e) => e.metricId === recorded.metricId) ?? null}
                />
              ))}
            </div>
            {decision.evidence.length === 0 && <p className="muted">The decision recorded no metric evidence.</p>}
          </section>
          <AuditVerificationCard initiativeId={before.id} />
          <AuditTrailList initiativeId={before.id} />
        </>
      )}
    </>
  );
}
