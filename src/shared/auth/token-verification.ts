import { decodeProtectedHeader } from 'jose';
import { Principal } from './principal';
import { InvalidTokenError, verifyToken } from './tokens';

/** Who a bearer token (or a sign-in session) names; throws InvalidTokenError, or IssuerUnreachable. */
export type VerifyToken = (token: string) => Promise<Principal>;

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/**
 * The one way a token becomes a principal. Tokens signed with the service's secret (HS256: `npm run
 * token`, sign-in links, sign-in sessions) are checked with it; tokens the identity provider signed
 * with its keys go to `issuer`, when one is configured. The header's algorithm picks the strategy, and
 * each strategy accepts only its own algorithms, so a token cannot pass for the other kind.
 */
export function tokenVerifier(secret: string, issuer: VerifyToken | null): VerifyToken {
  return async (token) => {
    const algorithm = algorithmOf(token);
    if (algorithm === 'HS256') return verifyToken(secret, token);
    if (algorithm.toLowerCase() === 'none') throw new InvalidTokenError('The token is not signed (alg: none)');
    if (!issuer) {
      throw new InvalidTokenError(
        `The token is signed with ${algorithm}, but no identity provider is configured (OIDC_ISSUER): ` +
          'this service accepts HS256 tokens signed with its own secret',
      );
    }
    return issuer(token);
  };
}

function algorithmOf(token: string): string {
  try {
    const { alg } = decodeProtectedHeader(token);
    if (typeof alg === 'string' && alg) return alg;
  } catch {
    // Falls through to the refusal below: the header is not JSON, or not there at all.
  }
  throw new InvalidTokenError('The token is not valid');
}
