import { FormEvent, useState } from 'react';
import { describeTeams } from '../auth';
import { navigate } from '../router';
import { useSession } from '../session';

/** Why the service sent the browser back here (a refused sign-in with the provider), from `#/signin?problem=`. */
function problemInAddress(): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('problem');
}

/**
 * Sign-in with the organisation's identity provider when the service has one, or with a sign-in link or
 * a pasted bearer token, which stays in this browser tab only (sessionStorage).
 */
export function SignInPage() {
  const { session, provider, checking, linkProblem, signIn, signOut } = useSession();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [refused] = useState(() => problemInAddress() ?? linkProblem);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      signIn(token);
      setProblem(null);
      navigate({ page: 'portfolio' });
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <section className="signin card" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in to pilotlog</h1>
      {session && (
        <div className="notice">
          You are signed in as <strong>{session.sub}</strong> ({session.role}, {describeTeams(session)}).{' '}
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
      {refused && (
        <p className="notice notice-error" role="alert" data-testid="sign-in-problem">
          {refused}
        </p>
      )}
      {provider && (
        <div className="signin-provider">
          <a className="button primary" href={provider.signInUrl} data-testid="sign-in-with-provider">
            Sign in with {provider.name}
          </a>
          <p className="muted small">
            Your organisation&apos;s account decides your role and teams. The session lasts a working day at most; sign
            out ends it here.
          </p>
        </div>
      )}
      {!checking && !provider && (
        <p className="muted small" data-testid="no-provider">
          This service has no identity provider configured: sign in with a link or a token.
        </p>
      )}
      <h2 className="signin-way">
        {provider ? 'Or with a sign-in link or a token' : 'With a sign-in link or a token'}
      </h2>
      <p>
        Whoever runs pilotlog can send you a one-click sign-in link, printed on the server with{' '}
        <code>npm run token -- --link --role MANAGER --sub maya --teams smb</code>: open it and you are in. Or they give
        you a bearer token (the same command without <code>--link</code>) to paste here.
      </p>
      <form onSubmit={submit}>
        <label className="field block" htmlFor="token">
          <span>Bearer token</span>
        </label>
        <textarea
          id="token"
          name="token"
          rows={5}
          spellCheck={false}
          autoComplete="off"
          placeholder="eyJhbGciOiJIUzI1NiIs…"
          value={token}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'token-problem' : 'token-help'}
          onChange={(e) => setToken(e.target.value)}
        />
        <p id="token-help" className="muted small">
          The token is kept in this tab&apos;s session storage and sent only to this service. The dashboard reads its
          role and teams to show what you may see; the service checks it on every request.
        </p>
        {problem && (
          <p id="token-problem" className="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className={provider ? undefined : 'primary'} disabled={!token.trim()}>
          Sign in
        </button>
      </form>
    </section>
  );
}
