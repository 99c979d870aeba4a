/** The one way the dashboard talks to pilotlog: POST /graphql with the bearer token, JSON in and out. */

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'DOMAIN_RULE'
  | 'CONFLICT'
  | 'NETWORK'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'INTERNAL_SERVER_ERROR';

export interface GraphQLErrorItem {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | string,
    readonly errors: readonly GraphQLErrorItem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const GRAPHQL_ENDPOINT = '/graphql';

export type Variables = Record<string, unknown>;

/** Sends one operation; resolves with `data`, or rejects with an ApiError carrying `extensions.code` of the first error. */
export async function graphql<T>(
  query: string,
  variables: Variables,
  token: string | null,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('The pilotlog service cannot be reached. Is it running?', 'NETWORK');
  }
  let body: { data?: T | null; errors?: GraphQLErrorItem[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The service answered ${response.status} without a GraphQL result`, 'NETWORK');
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', body.errors);
  }
  if (body.data == null) throw new ApiError(`The service answered ${response.status} with no data`, 'NETWORK');
  return body.data;
}

/** What a director should read for an error, by its code. */
export function explainError(error: unknown): { title: string; detail: string; code: string } {
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong', detail: String((error as Error)?.message ?? error), code: 'UNKNOWN' };
  }
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return {
        title: 'You are not signed in',
        detail: `Your token was refused (${error.message}). Sign in again with a fresh token.`,
        code: error.code,
      };
    case 'FORBIDDEN':
      return {
        title: 'Not allowed for your role',
        detail: `Your token does not give access to this (${error.message}).`,
        code: error.code,
      };
    case 'NOT_FOUND':
      return { title: 'Not found', detail: error.message, code: error.code };
    case 'NETWORK':
      return { title: 'Service unavailable', detail: error.message, code: error.code };
    default:
      return { title: 'The request failed', detail: error.message, code: String(error.code) };
  }
}
