import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  clearSession,
  decodeToken,
  endServerSession,
  fetchServerSession,
  loadSession,
  Provider,
  saveSession,
  Session,
  takeSignInLink,
} from './auth';

interface SessionContextValue {
  session: Session | null;
  /** The identity provider to offer, once the service has said whether it has one. */
  provider: Provider | null;
  /** True until the service has said whether a provider session is open. */
  checking: boolean;
  /** Why the last sign-in link did not work. */
  linkProblem: string | null;
  signIn(token: string): Session;
  /** Forgets the token, or ends the provider session at the service. */
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue>({
  session: null,
  provider: null,
  checking: false,
  linkProblem: null,
  signIn: () => {
    throw new Error('No session provider');
  },
  signOut: async () => undefined,
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [link] = useState(() => takeSignInLink());
  const [session, setSession] = useState<Session | null>(() =>
    link && 'session' in link ? link.session : loadSession(),
  );
  const [provider, setProvider] = useState<Provider | null>(null);
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    let current = true;
    fetchServerSession()
      .then((answer) => {
        if (!current) return;
        setProvider(answer.provider);
        if (answer.session) setSession((existing) => existing ?? answer.session);
      })
      .catch(() => undefined)
      .finally(() => current && setChecking(false));
    return () => {
      current = false;
    };
  }, []);

  const signIn = useCallback((token: string) => {
    const next = decodeToken(token);
    saveSession(next);
    setSession(next);
    return next;
  }, []);
  const signOut = useCallback(async () => {
    clearSession();
    // The page shows the sign-in page only once the service has dropped the cookie, so a reload stays signed out.
    if (session?.via === 'provider') await endServerSession().catch(() => undefined);
    setSession(null);
  }, [session]);
  const linkProblem = link && 'problem' in link ? link.problem : null;
  const value = useMemo(
    () => ({ session, provider, checking, linkProblem, signIn, signOut }),
    [session, provider, checking, linkProblem, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}
