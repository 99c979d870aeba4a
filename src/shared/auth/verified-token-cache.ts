import { decodeJwt } from 'jose';
import { Principal } from './principal';
import { VerifyToken } from './token-verification';

export interface VerifiedTokenCacheOptions {
  /** Tokens remembered at most; the least recently used goes first. */
  maxEntries?: number;
  /** Longest a verification is trusted before the token is checked again (a rotated key takes effect by then). */
  maxAgeMs?: number;
  now?: () => number;
}

interface Remembered {
  principal: Principal;
  trustedUntil: number;
}

/**
 * Remembers tokens that checked out, so a client sending the same token request after request
 * pays for one signature check, not one per request. A token is trusted again only until its own
 * expiry and at most `maxAgeMs`; a token that failed is never remembered and is checked every time.
 * It wraps any verifier: the secret's and the identity provider's alike.
 */
export function rememberVerifiedTokens(verify: VerifyToken, options: VerifiedTokenCacheOptions = {}): VerifyToken {
  const entries = new Map<string, Remembered>();
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const now = options.now ?? Date.now;
  return async (token) => {
    const at = now();
    const known = entries.get(token);
    if (known) {
      entries.delete(token);
      if (known.trustedUntil > at) {
        entries.set(token, known);
        return known.principal;
      }
    }
    const principal = await verify(token);
    // The signature has just been checked, so the expiry the token states can be trusted.
    const { exp } = decodeJwt(token);
    const expiresAt = typeof exp === 'number' ? exp * 1000 : at;
    entries.set(token, { principal, trustedUntil: Math.min(expiresAt, at + maxAgeMs) });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return principal;
  };
}
