import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Errors raised while resolving a GraphQL operation go straight back to Apollo, where
 * `formatError` answers the client and logs only the unexpected ones. Without this filter Nest
 * would log every refused token, broken rule and version conflict as a server error with its
 * stack. Other requests keep Nest's own handling.
 */
@Catch()
export class GraphQLErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<string>() === 'graphql') throw exception;
    super.catch(exception, host);
  }
}
