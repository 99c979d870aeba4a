import { GraphQLFormattedError, GraphQLError } from 'graphql';
import { Forbidden } from '../auth/authorization';
import { NotFound } from '../domain/not-found';
import { RowRefused, RuleBroken } from '../domain/rule-broken';
import { ConcurrencyError, EventStoreUnavailableError } from '../event-store/event-store.port';
import { WriteNotYetVisible } from '../projections/read-models';
import { asTokenLimitError, QueryLimitCode, QueryLimitExceeded } from './query-limits';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DOMAIN_RULE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'SERVICE_UNAVAILABLE'
  | 'ACCEPTED'
  | QueryLimitCode
  | 'INTERNAL_SERVER_ERROR';

/** Bad input, naming the field at fault; in a list, `field` is its path (`readings.3.value`) and `row` the index. */
export function badUserInput(field: string, message: string): GraphQLError {
  const row = rowOf(field);
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field, ...(row === undefined ? {} : { row }) },
  });
}

function rowOf(field: string): number | undefined {
  const index = field.split('.').find((part) => /^\d+$/.test(part));
  return index === undefined ? undefined : Number(index);
}

export function unauthenticated(message = 'A valid bearer token is required'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** Something the request needs cannot be reached now (the identity provider's keys); a retry may pass. */
export function serviceUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
}

/** Error codes produced by graphql-js and Apollo themselves for malformed requests; safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const KNOWN_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'SERVICE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  ...REQUEST_ERROR_CODES,
]);

const SAFE_EXTENSION_KEYS = ['field', 'row', 'limit'];

/**
 * The only way an error leaves the service: domain and store errors get their public code,
 * known GraphQL errors keep theirs, and anything else is masked, with no stack trace or internal
 * message in any mode.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onMasked: (error: unknown) => void = () => undefined,
): GraphQLFormattedError {
  const original = originalError(error);
  const limit = original instanceof QueryLimitExceeded ? original : asTokenLimitError(original);
  if (limit) {
    return publicError(formatted, limit.message, limit.code, { limit: limit.limit, found: limit.found });
  }
  if (original instanceof RowRefused) {
    // A row of a batch is input the client can correct where it sits; the rule says why it was refused.
    return publicError(formatted, original.message, 'BAD_USER_INPUT', {
      field: original.field,
      row: original.row,
      rule: original.rule,
    });
  }
  if (original instanceof RuleBroken) {
    return publicError(formatted, original.message, 'DOMAIN_RULE', { rule: original.rule, field: original.field });
  }
  if (original instanceof NotFound) {
    return publicError(formatted, original.message, 'NOT_FOUND', { entity: original.entity, id: original.id });
  }
  if (original instanceof Forbidden) return publicError(formatted, original.message, 'FORBIDDEN', {});
  if (original instanceof WriteNotYetVisible) {
    // Not a failure: the write landed. The client must not send a new command, only read again or retry.
    const { entity, id, version, position } = original.outcome;
    return publicError(formatted, original.message, 'ACCEPTED', { entity, id, version, position });
  }
  if (original instanceof ConcurrencyError) {
    return publicError(formatted, 'The entity was changed by someone else: reload it and try again', 'CONFLICT', {
      expectedVersion: original.expected,
      actualVersion: original.actual === 'no_stream' ? 0 : original.actual,
    });
  }
  if (original instanceof EventStoreUnavailableError) {
    // Whether a write landed is unknown; a retry with the same commandId is answered idempotently.
    return publicError(
      formatted,
      'The event store cannot be reached: try again shortly (a retry with the same commandId is safe)',
      'SERVICE_UNAVAILABLE',
      {},
    );
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code) && isClientFacing(original)) {
    const extensions = Object.fromEntries(
      SAFE_EXTENSION_KEYS.filter((key) => formatted.extensions?.[key] !== undefined).map((key) => [
        key,
        formatted.extensions![key],
      ]),
    );
    return publicError(formatted, formatted.message, code as ErrorCode, extensions);
  }
  // The client learns nothing of it; the operator must, or the fault is lost.
  onMasked(original ?? error);
  return publicError(formatted, 'Internal server error', 'INTERNAL_SERVER_ERROR', {});
}

function publicError(
  formatted: GraphQLFormattedError,
  message: string,
  code: ErrorCode | string,
  extensions: Record<string, unknown>,
): GraphQLFormattedError {
  const clean = Object.fromEntries(Object.entries(extensions).filter(([, v]) => v !== undefined));
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code, ...clean },
  };
}

function originalError(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/** Errors we raised as GraphQLErrors ourselves, or that graphql-js raised about the request. */
function isClientFacing(original: unknown): boolean {
  return original instanceof GraphQLError || !(original instanceof Error);
}
