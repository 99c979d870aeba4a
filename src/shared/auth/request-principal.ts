import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { serviceUnavailable, unauthenticated } from '../graphql/errors';
import { IssuerUnreachable } from './issuer-tokens';
import { Principal } from './principal';
import { cookieValue, SESSION_COOKIE } from './session-cookie';
import { VerifyToken } from './token-verification';
import { InvalidTokenError } from './tokens';

export interface RequestContext {
  req: { headers: Record<string, string | string[] | undefined> };
  /** Resolved once per request from the Authorization header, or the sign-in session cookie. */
  principal?: Promise<Principal>;
}

/**
 * Reads the bearer token of the request, or else its sign-in session; missing, invalid or expired
 * ones are UNAUTHENTICATED. A cookie reaches only requests Apollo's CSRF prevention lets through: a
 * JSON POST, or one with a header no cross-site form can send.
 */
export async function principalOf(context: RequestContext, verify: VerifyToken): Promise<Principal> {
  context.principal ??= (async () => {
    const header = context.req.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    if (value === undefined) {
      const session = cookieValue(context.req.headers.cookie, SESSION_COOKIE);
      if (!session) {
        throw unauthenticated(
          'A bearer token is required: Authorization: Bearer <token> (or sign in to the dashboard)',
        );
      }
      return verified(verify, session, 'Your sign-in session has ended: sign in again');
    }
    const match = value.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw unauthenticated('A bearer token is required: Authorization: Bearer <token>');
    return verified(verify, match[1]);
  })();
  return context.principal;
}

async function verified(verify: VerifyToken, token: string, refusal?: string): Promise<Principal> {
  try {
    return await verify(token);
  } catch (error) {
    if (error instanceof IssuerUnreachable) throw serviceUnavailable(error.message);
    throw unauthenticated(refusal ?? (error instanceof InvalidTokenError ? error.message : 'The token is not valid'));
  }
}

/** The authenticated principal, set on the GraphQL context by the authentication guard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, execution: ExecutionContext): Principal => {
  const context = GqlExecutionContext.create(execution).getContext<{ authenticated?: Principal }>();
  if (!context.authenticated) throw unauthenticated();
  return context.authenticated;
});
