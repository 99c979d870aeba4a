import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { clearSession, decodeToken, loadSession, saveSession, Session } from './auth';

interface SessionContextValue {
  session: Session | null;
  signIn(token: string): Session;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue>({
  session: null,
  signIn: () => {
    throw new Error('No session provider');
  },
  signOut: () => undefined,
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const signIn = useCallback((token: string) => {
    const next = decodeToken(token);
    saveSession(next);
    setSession(next);
    return next;
  }, []);
  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}
