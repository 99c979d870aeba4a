import { useEffect, useState } from 'react';
import { graphql } from '../api/graphql';
import {
  AUDIT_TRAIL_QUERY,
  AuditEvent,
  AuditTrailResult,
  VERIFY_AUDIT_TRAIL_QUERY,
  VerifyAuditTrailResult,
} from '../api/queries';
import { useQuery } from '../api/useQuery';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { ErrorMessage, Loading } from './ErrorMessage';

/** Whether the initiative's stored events still check out (an extension of the API; degrades if missing). */
export function AuditVerificationCard({ initiativeId }: { initiativeId: string }) {
  const { data, error, loading } = useQuery<VerifyAuditTrailResult>(VERIFY_AUDIT_TRAIL_QUERY, { initiativeId });
  const v = data?.verifyAuditTrail;
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">Audit trail verification</h2>
      {loading && <Loading what="the verification" />}
      {error != null && <p className="muted">Verification is not available from this service.</p>}
      {v && (
        <div
          className={`verdict ${v.valid ? 'verdict-ok' : 'verdict-bad'}`}
          data-testid="audit-verification"
          role="status"
        >
          <span aria-hidden="true">{v.valid ? '✓' : '✗'}</span>{' '}
          {v.valid
            ? `Intact: all ${v.checkedEvents} events check out, each hash and every link of the chain.`
            : `Broken: of ${v.checkedEvents} events checked, version ${v.firstBrokenVersion ?? '?'} is the first that does not check out.`}
        </div>
      )}
    </section>
  );
}

const PAGE = 50;

/** Every event of an initiative, in order, with who did it and when; pages of 50. */
export function AuditTrailList({ initiativeId }: { initiativeId: string }) {
  const { session } = useSession();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = async (after: string | null, reset: boolean) => {
    setLoading(true);
    try {
      const data = await graphql<AuditTrailResult>(
        AUDIT_TRAIL_QUERY,
        { initiativeId, first: PAGE, after },
        session?.token ?? null,
      );
      const page = data.auditTrail;
      setEvents((previous) => [...(reset ? [] : previous), ...page.edges.map((e) => e.node)]);
      setTotal(page.totalCount);
      setCursor(page.pageInfo.endCursor);
      setMore(page.pageInfo.hasNextPage);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(null, true);
    // Reload from the first page when the initiative or the token changes.
  }, [initiativeId, session?.token]);

  return (
    <section className="card" aria-labelledby="trail-title">
      <h2 id="trail-title">Audit trail {total != null && <span className="muted">({total} events)</span>}</h2>
      {error != null && <ErrorMessage error={error} context="audit trail" />}
      {events.length > 0 && (
        <div className="table-wrap">
          <table className="audit-table" data-testid="audit-trail">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Event</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Data</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={`${e.streamId}-${e.revision}`}>
                  <td className="num">{e.revision}</td>
                  <td>
                    <code>{e.type}</code>
                  </td>
                  <td>{formatDateTime(e.occurredAt)}</td>
                  <td>{e.actor}</td>
                  <td>
                    <details>
                      <summary>show</summary>
                      <pre>{JSON.stringify(e.data, null, 2)}</pre>
                      {e.commandId && <div className="muted small">command {e.commandId}</div>}
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loading && <Loading what="events" />}
      {more && !loading && (
        <button type="button" onClick={() => void load(cursor, false)}>
          Load {PAGE} more
        </button>
      )}
    </section>
  );
}
