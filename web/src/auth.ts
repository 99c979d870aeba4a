/** Sign-in by bearer token: kept in sessionStorage, decoded locally (not verified — the service does that). */

export const ROLES = ['DIRECTOR', 'MANAGER', 'CONTRIBUTOR', 'VIEWER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  token: string;
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
  return { token, sub: String(payload.sub ?? 'unknown'), role: role as Role, teams, expiresAt: exp };
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
  sessionStorage.setItem(STORAGE_KEY, session.token);
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
