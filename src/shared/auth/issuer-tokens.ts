import { createRemoteJWKSet, errors, JWTVerifyGetKey, jwtVerify } from 'jose';
import { Principal } from './principal';
import { ClaimMapping, principalFromClaims } from './provider-claims';
import { InvalidTokenError } from './tokens';

/** The identity provider's keys could not be fetched: no fault of the token, so worth a retry. */
export class IssuerUnreachable extends Error {
  constructor(issuer: string, cause: unknown) {
    super(`The keys of the identity provider ${issuer} cannot be fetched now: try again shortly`, { cause });
    this.name = 'IssuerUnreachable';
  }
}

/** What the provider's discovery document says about its tokens. */
export interface IssuerKeys {
  /** The `iss` every token must carry, exactly as the discovery document writes it. */
  issuer: string;
  /** Where the provider publishes its keys (`jwks_uri`). */
  jwksUri: URL;
}

export interface IssuerTokenOptions {
  /** The configured issuer, to name it in messages before its discovery document is read. */
  issuer: string;
  /** The `aud` a token must include to be meant for this service. */
  audience: string;
  claims: ClaimMapping;
  /** Read from the discovery document when first needed, and again after a failure. */
  discover: () => Promise<IssuerKeys>;
  /** How soon after fetching the keys a token signed with a key not among them may fetch them again. */
  refetchCooldownMs: number;
}

/** Signatures of identity providers; never a shared secret, never `none`. */
const ISSUER_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Keys known for this long are fetched again on the next token, so a key the provider withdrew stops working. */
const KEYS_MAX_AGE_MS = 10 * 60_000;
const KEYS_FETCH_TIMEOUT_MS = 5_000;
/** Clocks of the provider and the service drift apart by a few seconds; a token is not refused for that. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies the provider's tokens against its published keys (JWKS): signature, issuer, audience,
 * expiry and not-before. A token signed with a key not yet known fetches the keys again (at most once
 * per cooldown), so the provider rotates its keys without pilotlog restarting.
 */
export function issuerTokenVerifier(options: IssuerTokenOptions): (token: string) => Promise<Principal> {
  let keys: Promise<{ issuer: string; getKey: JWTVerifyGetKey }> | null = null;
  const keySet = () =>
    (keys ??= options.discover().then(
      ({ issuer, jwksUri }) => ({
        issuer,
        getKey: createRemoteJWKSet(jwksUri, {
          cooldownDuration: options.refetchCooldownMs,
          cacheMaxAge: KEYS_MAX_AGE_MS,
          timeoutDuration: KEYS_FETCH_TIMEOUT_MS,
        }),
      }),
      (error: unknown) => {
        keys = null;
        throw new IssuerUnreachable(options.issuer, error);
      },
    ));

  return async (token) => {
    const { issuer, getKey } = await keySet();
    try {
      const { payload } = await jwtVerify(token, getKey, {
        issuer,
        audience: options.audience,
        algorithms: ISSUER_ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return principalFromClaims(payload, options.claims);
    } catch (error) {
      throw refusal(error, options);
    }
  };
}

function refusal(error: unknown, { issuer, audience }: IssuerTokenOptions): Error {
  if (error instanceof InvalidTokenError) return error;
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return new InvalidTokenError(
          `The token was not issued by ${issuer}, the identity provider this service trusts`,
        );
      case 'aud':
        return new InvalidTokenError(
          `The token is not meant for this service: its audience does not include ${audience}`,
        );
      case 'nbf':
        return new InvalidTokenError('The token is not valid yet');
      default:
        return new InvalidTokenError(`The token is not valid: its "${error.claim}" claim is missing or wrong`);
    }
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new InvalidTokenError(`The token was signed with a key that ${issuer} does not publish`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new InvalidTokenError("The token's signature algorithm is not accepted from the identity provider");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('The token is not valid: its signature does not match');
  }
  if (isKeyFetchFailure(error)) return new IssuerUnreachable(issuer, error);
  return new InvalidTokenError('The token is not valid');
}

/** jose raises its generic error for a key set answered with another status than 200, or unreadable. */
function isKeyFetchFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (error instanceof errors.JOSEError) return error.code === errors.JOSEError.code;
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
