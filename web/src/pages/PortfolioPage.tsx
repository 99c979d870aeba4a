import { PORTFOLIO_QUERY, PortfolioResult } from '../api/queries';
import { useQuery } from '../api/useQuery';
import { mayRegisterTeam } from '../actions';
import { useSession } from '../session';
import { Flash } from '../forms/flash';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { Gauge } from '../components/Gauge';
import { StatCard } from '../components/StatCard';
import { StatusChart } from '../components/StatusChart';
import { HistoricalBanner, TimeTravel } from '../components/TimeTravel';
import { formatDays, formatPercent } from '../format';
import { href, navigate } from '../router';

/** Every team the token covers: coverage, status mix and a line per team. */
export function PortfolioPage({ asOf }: { asOf: string | null }) {
  const { session } = useSession();
  const canRegister = !asOf && mayRegisterTeam(session);
  const { data, error, loading } = useQuery<PortfolioResult>(PORTFOLIO_QUERY, { asOf });
  const setAsOf = (value: string | null) => navigate({ page: 'portfolio' }, value);
  const names = new Map((data?.teams ?? []).map((t) => [t.id, t.name]));
  const portfolio = data?.portfolioImpact;
  const active = portfolio?.teams.reduce((sum, t) => sum + t.activeInitiatives, 0) ?? 0;

  return (
    <>
      <header className="page-header">
        <h1>Portfolio impact</h1>
        <p className="muted">All the teams your token covers, added up.</p>
        {canRegister && (
          <nav aria-label="Portfolio actions" className="actions">
            <a className="action" href={href({ page: 'register-team' })}>
              Register team
            </a>
          </nav>
        )}
      </header>
      <Flash />
      <HistoricalBanner asOf={asOf} onBackToNow={() => setAsOf(null)} />
      <TimeTravel asOf={asOf} onChange={setAsOf} min={null} />
      {error != null && <ErrorMessage error={error} context="portfolio impact" />}
      {loading && !data && <Loading what="the portfolio" />}
      {portfolio && (
        <>
          <section className="grid stats" aria-label="Portfolio figures">
            <div className="card">
              <Gauge
                value={portfolio.coverage}
                label="Team-wide coverage"
                detail={`${portfolio.reachedMembers} of ${portfolio.headcount} members reached`}
              />
            </div>
            <StatCard label="Teams" value={portfolio.teams.length} />
            <StatCard label="Pilots running" value={active} hint="initiatives piloting now" />
            <div className="card">
              <StatusChart counts={portfolio.initiativesByStatus} />
            </div>
          </section>
          <section className="card" aria-labelledby="teams-title">
            <h2 id="teams-title">Teams</h2>
            {portfolio.teams.length === 0 ? (
              <p className="muted">
                No team yet.{' '}
                {canRegister
                  ? 'Register the first one with the button above.'
                  : 'A director signed in for all teams registers them.'}
              </p>
            ) : (
              <div className="table-wrap">
                <table className="stack">
                  <thead>
                    <tr>
                      <th scope="col">Team</th>
                      <th scope="col" className="num">
                        Headcount
                      </th>
                      <th scope="col" className="num">
                        Reached
                      </th>
                      <th scope="col" className="num">
                        Coverage
                      </th>
                      <th scope="col" className="num">
                        Piloting
                      </th>
                      <th scope="col" className="num">
                        Hit rate
                      </th>
                      <th scope="col" className="num">
                        Median time to decision
                      </th>
                      <th scope="col" className="num">
                        Needs attention
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {portfolio.teams.map((t) => (
                      <tr key={t.teamId}>
                        <th scope="row">
                          <a href={href({ page: 'team', teamId: t.teamId }, asOf)}>{names.get(t.teamId) ?? t.teamId}</a>
                        </th>
                        <td data-label="Headcount" className="num">
                          {t.headcount}
                        </td>
                        <td data-label="Reached" className="num">
                          {t.reachedMembers}
                        </td>
                        <td data-label="Coverage" className="num">
                          {formatPercent(t.coverage)}
                        </td>
                        <td data-label="Piloting" className="num">
                          {t.activeInitiatives}
                        </td>
                        <td data-label="Hit rate" className="num">
                          {formatPercent(t.hypothesisHitRate)}
                        </td>
                        <td data-label="Median time to decision" className="num">
                          {formatDays(t.medianDaysToDecision)}
                        </td>
                        <td data-label="Needs attention" className="num">
                          {t.overdue.length + t.analysisParalysis.length === 0
                            ? 'nothing'
                            : `${t.overdue.length} overdue, ${t.analysisParalysis.length} stalled`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
