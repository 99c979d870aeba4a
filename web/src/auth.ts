/**
 * Two ways in: a bearer token (pasted, or from a sign-in link) kept in sessionStorage and decoded locally
 * (not verified — the service does that), or a session the service opened after sign-in with the
 * organisation's identity provider, held in a cookie this page cannot read and described by /auth/session.
 */

export const ROLES = ['DIRECTOR', 'MANAGER', 'CONTRIBUTOR', 'VIEWER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  /** The bearer token sent with every request; null for a provider session, which travels as a cookie. */
  token: string | null;
  via: 'token' | 'provider';
  sub: string;
  role: Role;
  /** Team ids the token covers; `'*'` for all. */
  teams: readonly string[] | '*';
  /** Expiry as epoch milliseconds, when the token has one. */
  expiresAt: number | null;
}

const STORAGE_KEY = 'pilotlog.token';

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads the claims of a JWT; throws with a readable message when it is not one. */
export function decodeToken(raw: string): Session {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('This is not a JWT: it should have three parts separated by dots.');
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>;
  } catch {
    throw new Error('The token payload cannot be read.');
  }
  const role = String(payload.role ?? '').toUpperCase();
  if (!ROLES.includes(role as Role)) throw new Error(`The token has no known role (found "${String(payload.role)}").`);
  const claim = payload.teams;
  const list = Array.isArray(claim) ? claim.map(String) : typeof claim === 'string' ? [claim] : [];
  const teams = list.includes('*') ? '*' : list;
  const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  return { token, via: 'token', sub: String(payload.sub ?? 'unknown'), role: role as Role, teams, expiresAt: exp };
}

export function loadSession(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return null;
  try {
    return decodeToken(token);
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
}

export function saveSession(session: Session): void {
  if (session.token) sessionStorage.setItem(STORAGE_KEY, session.token);
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt !== null && session.expiresAt <= now;
}

/** Audit views (audit trail, decision replay, trail verification) are for auditors and directors. */
export function canAudit(session: Session | null): boolean {
  return session?.role === 'AUDITOR' || session?.role === 'DIRECTOR';
}

export function coversTeam(session: Session, teamId: string): boolean {
  return session.teams === '*' || session.teams.includes(teamId);
}

export function describeTeams(session: Session): string {
  return session.teams === '*' ? 'all teams' : session.teams.length ? session.teams.join(', ') : 'no team';
}

/** The identity provider the service offers sign-in with, when it has one. */
export interface Provider {
  name: string;
  signInUrl: string;
}

interface ServerSessionAnswer {
  provider: Provider | null;
  session: { sub: string; role: Role; teams: string[] | '*'; expiresAt: string | null } | null;
}

/** What the service says of sign-in: its identity provider, and the session its cookie holds. */
export async function fetchServerSession(): Promise<{ provider: Provider | null; session: Session | null }> {
  const response = await fetch('/auth/session', { headers: { accept: 'application/json' } });
  if (!response.ok) return { provider: null, session: null };
  const answer = (await response.json()) as ServerSessionAnswer;
  const session = answer.session && {
    token: null,
    via: 'provider' as const,
    sub: answer.session.sub,
    role: answer.session.role,
    teams: answer.session.teams,
    expiresAt: answer.session.expiresAt ? Date.parse(answer.session.expiresAt) : null,
  };
  return { provider: answer.provider, session };
}

/** Ends the provider session; JSON, as the service asks, so no other site can end it with a form. */
export async function endServerSession(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}

/**
 * A sign-in link (`#/signin?token=...`, printed by `npm run token -- --link`): signs in with its token
 * and takes the token out of the address bar and the history at once. The token travels in the
 * fragment, which browsers never send to a server.
 */
export function takeSignInLink(): { session: Session } | { problem: string } | null {
  const [path, query = ''] = window.location.hash.replace(/^#/, '').split('?');
  if (path !== '/signin') return null;
  const token = new URLSearchParams(query).get('token');
  if (!token) return null;
  try {
    const session = decodeToken(token);
    saveSession(session);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
    return { session };
  } catch (error) {
    window.history.replaceState(null, '', `${window.location.pathname}#/signin`);
    return { problem: `This sign-in link does not work: ${(error as Error).message}` };
  }
}
