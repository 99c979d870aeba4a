import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { principalOf, RequestContext } from './request-principal';
import { Principal } from './principal';
import { TOKEN_VERIFIER, VerifyToken } from './token-verification';

/** Every GraphQL operation needs a valid bearer token or sign-in session; HTTP health endpoints do not. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(@Inject(TOKEN_VERIFIER) private readonly verify: VerifyToken) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType<string>() !== 'graphql') return true;
    const context = GqlExecutionContext.create(execution).getContext<RequestContext & { authenticated?: Principal }>();
    context.authenticated = await principalOf(context, this.verify);
    return true;
  }
}
