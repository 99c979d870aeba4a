import { useEffect } from 'react';
import { ACTION_LABEL } from './actions';
import { describeTeams, isExpired } from './auth';
import { TEAMS_QUERY, TeamsResult } from './api/queries';
import { useQuery } from './api/useQuery';
import { AuditTrailPage } from './pages/AuditTrailPage';
import { DecisionReplayPage } from './pages/DecisionReplayPage';
import { InitiativePage } from './pages/InitiativePage';
import { InitiativeFormRoute } from './pages/forms/InitiativeFormRoute';
import { AddMembersPage, ProposeInitiativePage, RegisterTeamPage } from './pages/forms/TeamForms';
import { PortfolioPage } from './pages/PortfolioPage';
import { SignInPage } from './pages/SignInPage';
import { TeamImpactPage } from './pages/TeamImpactPage';
import { href, Location, navigate, useLocation } from './router';
import { useSession } from './session';

export function App() {
  const location = useLocation();
  const { session, checking, signOut } = useSession();
  const needsSignIn = !checking && !session && location.route.page !== 'signin';

  useEffect(() => {
    if (needsSignIn) navigate({ page: 'signin' });
  }, [needsSignIn]);
  const routeKey = JSON.stringify(location.route);
  useEffect(() => {
    document.title = `${titleOf(location)} · pilotlog`;
  }, [location]);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [routeKey]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href={href({ page: 'portfolio' })}>
          pilotlog
        </a>
        {session && <TeamNav current={location} />}
        <div className="topbar-end">
          <a href="/explorer" className="nav-link">
            GraphQL explorer
          </a>
          {session ? (
            <span className="who" data-testid="signed-in-as">
              <span>
                <strong>{session.sub}</strong> · {session.role.toLowerCase()} · {describeTeams(session)}
                {isExpired(session) && (
                  <span className="pill warn small-pill">
                    {session.via === 'provider' ? 'session ended' : 'token expired'}
                  </span>
                )}
              </span>
              <button
                type="button"
                onClick={() => {
                  void signOut().then(() => navigate({ page: 'signin' }));
                }}
              >
                Sign out
              </button>
            </span>
          ) : (
            <a href={href({ page: 'signin' })} className="nav-link">
              Sign in
            </a>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {session || location.route.page === 'signin' ? <Page location={location} /> : null}
      </main>
    </>
  );
}

function TeamNav({ current }: { current: Location }) {
  const { data } = useQuery<TeamsResult>(TEAMS_QUERY);
  const { route } = current;
  const teamId =
    route.page === 'team' || route.page === 'add-members' || route.page === 'propose-initiative' ? route.teamId : null;
  return (
    <nav aria-label="Teams" className="team-nav">
      <a href={href({ page: 'portfolio' })} aria-current={current.route.page === 'portfolio' ? 'page' : undefined}>
        Portfolio
      </a>
      {(data?.teams ?? []).map((t) => (
        <a key={t.id} href={href({ page: 'team', teamId: t.id })} aria-current={t.id === teamId ? 'page' : undefined}>
          {t.name}
        </a>
      ))}
    </nav>
  );
}

function titleOf({ route }: Location): string {
  switch (route.page) {
    case 'portfolio':
      return 'Portfolio';
    case 'team':
      return `Team ${route.teamId}`;
    case 'register-team':
      return 'Register team';
    case 'add-members':
      return `Add members · team ${route.teamId}`;
    case 'propose-initiative':
      return `Propose initiative · team ${route.teamId}`;
    case 'initiative':
      return `Initiative ${route.initiativeId}`;
    case 'initiative-form':
      return `${ACTION_LABEL[route.action]} · initiative ${route.initiativeId}`;
    case 'audit':
      return 'Audit trail';
    case 'replay':
      return 'Decision replay';
    case 'signin':
      return 'Sign in';
    default:
      return 'Not found';
  }
}

function Page({ location }: { location: Location }) {
  const { route, asOf } = location;
  switch (route.page) {
    case 'portfolio':
      return <PortfolioPage asOf={asOf} />;
    case 'team':
      return <TeamImpactPage key={route.teamId} teamId={route.teamId} asOf={asOf} />;
    case 'register-team':
      return <RegisterTeamPage />;
    case 'add-members':
      return <AddMembersPage key={route.teamId} teamId={route.teamId} />;
    case 'propose-initiative':
      return <ProposeInitiativePage key={route.teamId} teamId={route.teamId} />;
    case 'initiative':
      return <InitiativePage key={route.initiativeId} initiativeId={route.initiativeId} asOf={asOf} />;
    case 'initiative-form':
      return <InitiativeFormRoute key={`${route.initiativeId}/${route.action}`} {...route} />;
    case 'audit':
      return <AuditTrailPage key={route.initiativeId} initiativeId={route.initiativeId} />;
    case 'replay':
      return <DecisionReplayPage key={route.decisionId} decisionId={route.decisionId} />;
    case 'signin':
      return <SignInPage />;
    default:
      return (
        <div className="notice" role="alert">
          There is no page at “{route.path}”. <a href={href({ page: 'portfolio' })}>Go to the portfolio</a>.
        </div>
      );
  }
}
