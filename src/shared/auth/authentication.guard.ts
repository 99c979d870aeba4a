import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { TOKEN_VERIFIER } from './auth.tokens';
import { principalOf, RequestContext } from './request-principal';
import { Principal } from './principal';
import { TokenVerifier } from './tokens';

/** Every GraphQL operation needs a valid bearer token; HTTP health endpoints do not. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(@Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType<string>() !== 'graphql') return true;
    const context = GqlExecutionContext.create(execution).getContext<RequestContext & { authenticated?: Principal }>();
    context.authenticated = await principalOf(context, this.tokens);
    return true;
  }
}
