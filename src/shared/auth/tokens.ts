import { errors, jwtVerify, SignJWT } from 'jose';
import { Principal, Role, ROLES } from './principal';

const ALGORITHM = 'HS256';

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signToken(
  secret: string,
  principal: Principal,
  expiresIn: string | number = '12h',
): Promise<string> {
  return new SignJWT({ role: principal.role, teams: principal.teams === '*' ? ['*'] : [...principal.teams] })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(principal.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

/** A token that checked out: who it names, and until when (ms since the epoch) it may be used. */
export interface VerifiedToken {
  principal: Principal;
  expiresAt: number;
}

/** Checks a bearer token; throws InvalidTokenError for any token that must not be let in. */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

/** HS256 tokens signed with the service's secret. */
export function secretVerifier(secret: string): TokenVerifier {
  const encoded = key(secret);
  return { verify: (token) => verifyWithKey(encoded, token) };
}

export async function verifyToken(secret: string, token: string): Promise<Principal> {
  return (await verifyWithKey(key(secret), token)).principal;
}

async function verifyWithKey(encodedKey: Uint8Array, token: string): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, encodedKey, {
      algorithms: [ALGORITHM],
      requiredClaims: ['sub', 'exp'],
    });
    const role = payload.role;
    if (typeof role !== 'string' || !ROLES.includes(role as Role))
      throw new InvalidTokenError('The token has no valid role');
    const teams = payload.teams;
    if (!Array.isArray(teams) || !teams.every((t) => typeof t === 'string')) {
      throw new InvalidTokenError('The token has no valid teams claim');
    }
    const principal: Principal = { sub: payload.sub!, role: role as Role, teams: teams.includes('*') ? '*' : teams };
    return { principal, expiresAt: payload.exp! * 1000 };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired');
    throw new InvalidTokenError('The token is not valid');
  }
}

export interface VerifiedTokenCacheOptions {
  /** Tokens remembered at most; the least recently used goes first. */
  maxEntries?: number;
  /** Longest a verification is trusted before the token is checked again (a rotated key takes effect by then). */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Remembers tokens that checked out, so a client sending the same token request after request
 * pays for one signature check, not one per request. A token is trusted again only until its own
 * expiry and at most `maxAgeMs`; a token that failed is never remembered and is checked every time.
 * It wraps any verifier: the secret's today, a key set's tomorrow.
 */
export class VerifiedTokenCache implements TokenVerifier {
  private readonly entries = new Map<string, VerifiedToken & { trustedUntil: number }>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: TokenVerifier,
    options: VerifiedTokenCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<VerifiedToken> {
    const now = this.now();
    const known = this.entries.get(token);
    if (known) {
      this.entries.delete(token);
      if (known.trustedUntil > now && known.expiresAt > now) {
        this.entries.set(token, known);
        return known;
      }
    }
    const verified = await this.inner.verify(token);
    this.entries.set(token, { ...verified, trustedUntil: Math.min(verified.expiresAt, now + this.maxAgeMs) });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return verified;
  }
}
