import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { CoreModule, CoreOptions } from './core.module';
import { AuditModule } from './audit/audit.module';
import { HealthController } from './health/health.controller';
import { IdentityModule } from './identity/identity.module';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthenticationGuard } from './shared/auth/authentication.guard';
import { InitiativesModule } from './initiatives/initiatives.module';
import { formatError } from './shared/graphql/errors';
import { GraphQLErrorsFilter } from './shared/graphql/graphql-errors.filter';
import { queryLimitOptions } from './shared/graphql/query-limits';
import { TeamsModule } from './teams/teams.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { GraphQLFormattedError } from 'graphql';

const maskedErrors = new Logger('GraphQL');

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

export interface AppModuleOptions extends CoreOptions {
  /** Where the code-first schema is written, or true to keep it in memory. */
  schemaFile: string | true;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    const limits = queryLimitOptions(config.queryLimits, { production: config.production });
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        IdentityModule.register(config),
        CqrsModule.forRoot(),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: options.schemaFile,
          sortSchema: true,
          playground: false,
          introspection: config.introspection,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          validationRules: limits.validationRules,
          parseOptions: limits.parseOptions,
          formatError: (formatted: GraphQLFormattedError, error: unknown) =>
            formatError(formatted, error, (masked) => maskedErrors.error(describe(masked))),
          // Cache hints would wrap every field's resolver to compute a Cache-Control header no client reads.
          plugins: [
            ApolloServerPluginLandingPageDisabled(),
            ApolloServerPluginCacheControlDisabled(),
            ...limits.plugins,
          ],
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
        TeamsModule,
        InitiativesModule,
        AuditModule,
        WebhooksModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_FILTER, useClass: GraphQLErrorsFilter },
      ],
    };
  }
}
