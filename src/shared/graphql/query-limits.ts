import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import { QueryLimits } from '../../config/config';

export type QueryLimitCode =
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_TOKENS'
  | 'TOO_MANY_DIRECTIVES';

export const QUERY_LIMIT_CODES: readonly QueryLimitCode[] = [
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'TOO_MANY_DIRECTIVES',
];

/** An operation refused before it runs because it is bigger than the service allows. */
export class QueryLimitExceeded extends GraphQLError {
  constructor(
    readonly code: QueryLimitCode,
    readonly limit: number,
    readonly found: number | undefined,
    message: string,
  ) {
    super(message, { extensions: { code, limit, ...(found === undefined ? {} : { found }) } });
    this.name = 'QueryLimitExceeded';
  }
}

const MESSAGES: Record<QueryLimitCode, (limit: number, found: number | undefined) => string> = {
  QUERY_TOO_DEEP: (limit, found) =>
    `The query nests fields ${found ?? 'more than ' + limit} levels deep; at most ${limit} are allowed. Ask for fewer nested fields`,
  QUERY_TOO_COSTLY: (limit, found) =>
    `The query would cost ${found ?? 'more than ' + limit}; at most ${limit} is allowed. Ask for fewer fields or a smaller page (first)`,
  TOO_MANY_ALIASES: (limit, found) =>
    `The query uses ${found ?? 'more than ' + limit} aliases; at most ${limit} are allowed. Split it into several requests`,
  TOO_MANY_TOKENS: (limit) =>
    `The query is longer than ${limit} tokens (names, punctuation and values); shorten it or split it into several requests`,
  TOO_MANY_DIRECTIVES: (limit, found) =>
    `The query uses ${found ?? 'more than ' + limit} directives; at most ${limit} are allowed`,
};

export function queryLimitExceeded(code: QueryLimitCode, limit: number, found?: number): QueryLimitExceeded {
  return new QueryLimitExceeded(code, limit, found, MESSAGES[code](limit, found));
}

/** graphql-armor's rejections read "... exceeded, found 12." when limits are exposed; the count is worth showing. */
function foundIn(message: string): number | undefined {
  const match = message.match(/found (\d+(?:\.\d+)?)/);
  return match ? Math.ceil(Number(match[1])) : undefined;
}

function reportAs(code: QueryLimitCode, limit: number) {
  return [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(queryLimitExceeded(code, limit, foundIn(error.message))),
  ];
}

/** graphql-js stops parsing with this message once a document passes `maxTokens` (graphql 16 writes "more that"). */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens\. Parsing aborted\.$/;

/** The parser's own token-limit error, retyped; null for any other error. */
export function asTokenLimitError(error: unknown): QueryLimitExceeded | null {
  if (!(error instanceof GraphQLError)) return null;
  const match = error.message.match(TOKEN_LIMIT_MESSAGE);
  return match ? queryLimitExceeded('TOO_MANY_TOKENS', Number(match[1])) : null;
}

export interface QueryLimitOptions {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  plugins: ApolloServerPlugin[];
}

/**
 * The Apollo options that hold every operation to the configured limits. Depth, cost, aliases and
 * directives are graphql-armor validation rules whose rejections are reported as typed errors
 * (a 400 with the limit in `extensions`). Tokens are counted by the graphql-js parser itself:
 * graphql-armor's Apollo token plugin throws from a parsing hook, which Apollo Server answers with
 * a 500, while the parser's own limit stops lexing at the same count and answers a 400.
 */
export function queryLimitOptions(limits: QueryLimits, options: { production: boolean }): QueryLimitOptions {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: reportAs('QUERY_TOO_DEEP', limits.maxDepth),
    },
    costLimit: {
      maxCost: limits.maxCost,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: reportAs('QUERY_TOO_COSTLY', limits.maxCost),
    },
    maxAliases: {
      n: limits.maxAliases,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: reportAs('TOO_MANY_ALIASES', limits.maxAliases),
    },
    maxDirectives: {
      n: limits.maxDirectives,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: reportAs('TOO_MANY_DIRECTIVES', limits.maxDirectives),
    },
    maxTokens: { enabled: false },
    // With introspection off, "Did you mean ...?" would still spell the schema out field by field.
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
  return {
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: armor.plugins,
  };
}
