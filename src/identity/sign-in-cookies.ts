import { createHash } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { PendingSignIn } from './openid-provider';

/** Holds a sign-in under way between /auth/login and /auth/callback, sealed so the browser can neither read nor change it. */
export const PENDING_SIGN_IN_COOKIE = 'pilotlog_sign_in';
export const PENDING_SIGN_IN_PATH = '/auth';
/** Long enough to type a password and answer a second factor; a sign-in left longer starts again. */
export const PENDING_SIGN_IN_SECONDS = 600;

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: string;
  maxAge?: number;
}

/**
 * Neither cookie can be read by the page's scripts (httpOnly), and neither goes along with a request
 * another site starts, except a top-level GET such as the provider's redirect back (SameSite=Lax).
 * Secure behind TLS, so they never travel in the clear.
 */
export function cookieOptions(secure: boolean, path: string, maxAgeSeconds?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds * 1000 }),
  };
}

/** A key of its own, derived from the service's secret, so a sealed sign-in is never mistaken for a token. */
function sealingKey(secret: string): Uint8Array {
  return createHash('sha256').update(`pilotlog pending sign-in\u0000${secret}`).digest();
}

export function sealPendingSignIn(secret: string, pending: PendingSignIn): Promise<string> {
  return new EncryptJWT({ ...pending })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${PENDING_SIGN_IN_SECONDS}s`)
    .encrypt(sealingKey(secret));
}

/** The sign-in the cookie holds, or null when it is missing, changed, sealed with another secret or too old. */
export async function openPendingSignIn(secret: string, sealed: string | null): Promise<PendingSignIn | null> {
  if (!sealed) return null;
  try {
    const { payload } = await jwtDecrypt(sealed, sealingKey(secret));
    const { state, nonce, codeVerifier, redirectUri, returnTo } = payload;
    const fields = [state, nonce, codeVerifier, redirectUri, returnTo];
    if (!fields.every((field): field is string => typeof field === 'string')) return null;
    return { state: fields[0], nonce: fields[1], codeVerifier: fields[2], redirectUri: fields[3], returnTo: fields[4] };
  } catch {
    return null;
  }
}
