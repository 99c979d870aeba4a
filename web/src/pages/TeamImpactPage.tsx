import { useMemo } from 'react';
import { teamActions } from '../actions';
import {
  INITIATIVE_LIST_QUERY,
  InitiativeListResult,
  OverdueItem,
  ROSTER_QUERY,
  RosterResult,
  TEAM_IMPACT_QUERY,
  TeamImpactResult,
} from '../api/queries';
import { useQuery } from '../api/useQuery';
import { Roster } from '../components/Roster';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { Gauge } from '../components/Gauge';
import { StatCard } from '../components/StatCard';
import { StatusBadge } from '../components/StatusBadge';
import { StatusChart } from '../components/StatusChart';
import { HistoricalBanner, TimeTravel } from '../components/TimeTravel';
import { formatDate, formatDays, formatNumber, formatPercent } from '../format';
import { Flash } from '../forms/flash';
import { href, navigate } from '../router';
import { useSession } from '../session';

function describeOverdue(item: OverdueItem): string {
  return item.kind === 'ITERATION_PAST_END'
    ? `Iteration ${item.iteration} ran past its planned end on ${formatDate(item.since)}`
    : `Iteration ${item.iteration} was completed on ${formatDate(item.since)} and awaits a decision`;
}

/** One team: coverage, status mix, hit rate, time to decision, what needs attention, and its initiatives. */
export function TeamImpactPage({ teamId, asOf }: { teamId: string; asOf: string | null }) {
  const { session } = useSession();
  const impact = useQuery<TeamImpactResult>(TEAM_IMPACT_QUERY, { teamId, asOf });
  const roster = useQuery<RosterResult>(ROSTER_QUERY, { teamId, asOf });
  // Nothing is written into the past: a historical view shows no action.
  const actions = asOf ? [] : teamActions(session, teamId);
  const list = useQuery<InitiativeListResult>(INITIATIVE_LIST_QUERY, { teamId, first: 100, asOf });
  // Today's list gives the time-travel control its range and every title, whatever instant is shown.
  const today = useQuery<InitiativeListResult>(
    INITIATIVE_LIST_QUERY,
    { teamId, first: 100, asOf: null },
    { skip: !asOf },
  );
  const setAsOf = (value: string | null) => navigate({ page: 'team', teamId }, value);

  const rows = useMemo(() => (list.data?.initiatives.edges ?? []).map((e) => e.node), [list.data]);
  const initiatives = useMemo(
    () => (asOf ? (today.data?.initiatives.edges ?? []).map((e) => e.node) : rows),
    [asOf, today.data, rows],
  );

  const titles = new Map(initiatives.map((i) => [i.id, i.title]));
  const earliest = initiatives.length
    ? initiatives.reduce((min, i) => (i.proposedAt < min ? i.proposedAt : min), initiatives[0].proposedAt)
    : null;
  const team = impact.data?.team;
  const t = impact.data?.teamImpact;
  const initiativeLink = (id: string) => (
    <a href={href({ page: 'initiative', initiativeId: id }, asOf)}>{titles.get(id) ?? id}</a>
  );

  return (
    <>
      <header className="page-header">
        <p className="crumbs">
          <a href={href({ page: 'portfolio' }, asOf)}>Portfolio</a> / Team
        </p>
        <h1>{team?.name ?? teamId}</h1>
        {team && (
          <p className="muted">
            Impact threshold {formatPercent(team.impactThreshold)} of the team · analysis paralysis after{' '}
            {team.paralysisLimitDays} days
          </p>
        )}
        {actions.length > 0 && (
          <nav aria-label="Team actions" className="actions">
            {actions.includes('propose-initiative') && (
              <a className="action" href={href({ page: 'propose-initiative', teamId })}>
                Propose initiative
              </a>
            )}
            {actions.includes('add-members') && (
              <a className="action" href={href({ page: 'add-members', teamId })}>
                Add members
              </a>
            )}
          </nav>
        )}
      </header>
      <Flash />
      <HistoricalBanner asOf={asOf} onBackToNow={() => setAsOf(null)} />
      <TimeTravel asOf={asOf} onChange={setAsOf} min={earliest} />
      {impact.error != null && <ErrorMessage error={impact.error} context="team impact" />}
      {impact.loading && !impact.data && <Loading what="team impact" />}
      {t && (
        <>
          <section className="grid stats" aria-label="Team impact figures" data-testid="team-impact">
            <div className="card">
              <Gauge
                value={t.coverage}
                label="Team-wide coverage"
                detail={`${t.reachedMembers} of ${t.headcount} members reached`}
              />
            </div>
            <StatCard
              label="Hypothesis hit rate"
              value={<span data-testid="hit-rate">{formatPercent(t.hypothesisHitRate)}</span>}
              hint="validated ÷ completed iterations"
            />
            <StatCard
              label="Median time to decision"
              value={<span data-testid="median-days">{formatDays(t.medianDaysToDecision)}</span>}
              hint="from launch to scale or stop"
            />
            <StatCard label="Pilots running" value={t.activeInitiatives} hint="initiatives piloting now" />
          </section>
          <div className="grid three">
            <div className="card">
              <StatusChart counts={t.initiativesByStatus} />
            </div>
            <section className="card" aria-labelledby="overdue-title">
              <h2 id="overdue-title">Decisions overdue</h2>
              {t.overdue.length === 0 ? (
                <p className="muted">Nothing overdue.</p>
              ) : (
                <ul className="attention-list" data-testid="overdue-list">
                  {t.overdue.map((item) => (
                    <li key={`${item.initiativeId}-${item.iteration}-${item.kind}`}>
                      {initiativeLink(item.initiativeId)}
                      <span className="muted"> — {describeOverdue(item)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="paralysis-title">
              <h2 id="paralysis-title">Analysis paralysis</h2>
              {t.analysisParalysis.length === 0 ? (
                <p className="muted">Every proposal was launched in time.</p>
              ) : (
                <ul className="attention-list" data-testid="paralysis-list">
                  {t.analysisParalysis.map((id) => {
                    const item = initiatives.find((i) => i.id === id);
                    return (
                      <li key={id}>
                        {initiativeLink(id)}
                        {item && (
                          <span className="muted">
                            {' '}
                            — proposed {formatDate(item.proposedAt)}, not launched after{' '}
                            {team?.paralysisLimitDays ?? 'the limit of'} days
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
      <section className="card" aria-labelledby="initiatives-title">
        <h2 id="initiatives-title">
          Initiatives{' '}
          {list.data && (
            <span className="muted">({asOf ? `${rows.length} at that time` : list.data.initiatives.totalCount})</span>
          )}
        </h2>
        {list.error != null && <ErrorMessage error={list.error} context="initiatives" />}
        {list.loading && rows.length === 0 && <Loading what="initiatives" />}
        {rows.length > 0 && (
          <div className="table-wrap">
            <table className="stack" data-testid="initiative-list">
              <thead>
                <tr>
                  <th scope="col">Initiative</th>
                  <th scope="col">Status</th>
                  <th scope="col">Proposed</th>
                  <th scope="col" className="num">
                    Reach now
                  </th>
                  <th scope="col">Led by</th>
                  <th scope="col">Primary metric</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => {
                  const m = i.metrics[0];
                  return (
                    <tr key={i.id}>
                      <th scope="row">{initiativeLink(i.id)}</th>
                      <td data-label="Status">
                        <StatusBadge status={i.status} />
                      </td>
                      <td data-label="Proposed">{formatDate(i.proposedAt)}</td>
                      <td data-label="Reach now" className="num">
                        {i.currentReach}
                      </td>
                      <td data-label="Led by">
                        {i.impact.recommendation === 'DIRECTOR_LED' ? 'Director' : 'Manager (delegated)'}
                      </td>
                      <td data-label="Primary metric">
                        {m ? (
                          <>
                            {m.name}: {formatNumber(m.latest)} of {formatNumber(m.target)} {m.unit}
                            {m.progress != null && (
                              <span className="muted"> ({formatPercent(m.progress)} of the way)</span>
                            )}
                          </>
                        ) : (
                          <span className="muted">none defined</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {list.data && rows.length === 0 && <p className="muted">No initiative yet.</p>}
        {asOf && <p className="muted small">Statuses, reach and metric figures are as they stood then.</p>}
      </section>
      <section className="card" aria-labelledby="roster-title">
        <h2 id="roster-title">
          Members {roster.data?.team && <span className="muted">(headcount {roster.data.team.headcount})</span>}
        </h2>
        {roster.error != null && <ErrorMessage error={roster.error} context="members" />}
        {roster.loading && !roster.data && <Loading what="members" />}
        {roster.data?.team && (
          <Roster team={roster.data.team} canRemove={actions.includes('remove-member')} onReload={roster.reload} />
        )}
        {asOf && <p className="muted small">The members as they were then.</p>}
      </section>
    </>
  );
}
