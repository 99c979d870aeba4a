import { errors, jwtVerify, SignJWT } from 'jose';
import { Principal, Role, ROLES } from './principal';

const ALGORITHM = 'HS256';

/** The usual cause is a token minted with a different secret than the service's, so the message names both places. */
export const SIGNATURE_REFUSED =
  'The token is not valid: its signature does not match. It may have been signed with a different secret than ' +
  "this service's (JWT_SECRET, or the jwt-secret file in the service's DATA_DIR), or changed after signing";

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

export async function verifyToken(secret: string, token: string): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
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
    return { sub: payload.sub!, role: role as Role, teams: teams.includes('*') ? '*' : teams };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired');
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new InvalidTokenError(SIGNATURE_REFUSED);
    throw new InvalidTokenError('The token is not valid');
  }
}
