import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../graphql/errors';
import { InvalidTokenError, TokenVerifier } from './tokens';
import { Principal } from './principal';

export interface RequestContext {
  req: { headers: Record<string, string | string[] | undefined> };
  /** Resolved once per request from the Authorization header. */
  principal?: Promise<Principal>;
}

/** Reads the bearer token of the request; missing, invalid or expired tokens are UNAUTHENTICATED. */
export async function principalOf(context: RequestContext, tokens: TokenVerifier): Promise<Principal> {
  context.principal ??= (async () => {
    const header = context.req.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    const match = value?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw unauthenticated('A bearer token is required: Authorization: Bearer <token>');
    try {
      return (await tokens.verify(match[1])).principal;
    } catch (error) {
      throw unauthenticated(error instanceof InvalidTokenError ? error.message : 'The token is not valid');
    }
  })();
  return context.principal;
}

/** The authenticated principal, set on the GraphQL context by the authentication guard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, execution: ExecutionContext): Principal => {
  const context = GqlExecutionContext.create(execution).getContext<{ authenticated?: Principal }>();
  if (!context.authenticated) throw unauthenticated();
  return context.authenticated;
});
