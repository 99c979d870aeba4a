import { INITIATIVE_QUERY, InitiativeResult } from '../api/queries';
import { useQuery } from '../api/useQuery';
import { canAudit } from '../auth';
import { AuditTrailList, AuditVerificationCard } from '../components/AuditPanel';
import { href } from '../router';
import { useSession } from '../session';
import { AuditOnly } from './DecisionReplayPage';

/** For auditors and directors: every event of an initiative, and whether the stored chain is intact. */
export function AuditTrailPage({ initiativeId }: { initiativeId: string }) {
  const { session } = useSession();
  const allowed = canAudit(session);
  const { data } = useQuery<InitiativeResult>(INITIATIVE_QUERY, { id: initiativeId, asOf: null }, { skip: !allowed });
  if (!allowed) return <AuditOnly />;
  const initiative = data?.initiative;
  return (
    <>
      <header className="page-header">
        <p className="crumbs">
          <a href={href({ page: 'initiative', initiativeId })}>{initiative?.title ?? initiativeId}</a> / Audit trail
        </p>
        <h1>Audit trail</h1>
        {initiative && (
          <p>
            Decisions:{' '}
            {initiative.decisions.length === 0
              ? 'none yet'
              : initiative.decisions.map((d, i) => (
                  <span key={d.id}>
                    {i > 0 && ', '}
                    <a href={href({ page: 'replay', decisionId: d.id })}>
                      replay the {d.kind.toLowerCase()} of iteration {d.iteration}
                    </a>
                  </span>
                ))}
          </p>
        )}
      </header>
      <AuditVerificationCard initiativeId={initiativeId} />
      <AuditTrailList initiativeId={initiativeId} />
    </>
  );
}
