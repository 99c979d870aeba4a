import { FormEvent, useState } from 'react';
import { describeTeams } from '../auth';
import { navigate } from '../router';
import { useSession } from '../session';

/** Sign-in by pasting a bearer token; it stays in this browser tab only (sessionStorage). */
export function SignInPage() {
  const { session, signIn, signOut } = useSession();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

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
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      )}
      <p>
        Paste a bearer token. Ask whoever runs pilotlog for one, or print one on the server with{' '}
        <code>npm run token -- --role DIRECTOR --sub alice --teams &apos;*&apos;</code>.
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
        <button type="submit" className="primary" disabled={!token.trim()}>
          Sign in
        </button>
      </form>
    </section>
  );
}
