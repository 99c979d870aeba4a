import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { JWT_SECRET } from './auth.tokens';
import { principalOf, RequestContext } from './request-principal';
import { Principal } from './principal';

/** Every GraphQL operation needs a valid bearer token; HTTP health endpoints do not. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(@Inject(JWT_SECRET) private readonly secret: string) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType<string>() !== 'graphql') return true;
    const context = GqlExecutionContext.create(execution).getContext<RequestContext & { authenticated?: Principal }>();
    context.authenticated = await principalOf(context, this.secret);
    return true;
  }
}
