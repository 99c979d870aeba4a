export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: string[] }>;
}

export type Gql = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  options?: { token?: string | null; headers?: Record<string, string> },
) => Promise<GraphQLResponse<T>>;

/** A GraphQL client over real HTTP, sending `defaultToken` unless a call gives its own. */
export function graphqlClient(baseUrl: string, defaultToken?: string): Gql {
  return async (query, variables = {}, callOptions = {}) => {
    const token = callOptions.token === undefined ? defaultToken : callOptions.token;
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...callOptions.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: Omit<GraphQLResponse, 'status'> = {};
    try {
      body = JSON.parse(text) as Omit<GraphQLResponse, 'status'>;
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: response.status, ...body } as GraphQLResponse<never>;
  };
}

/** The time as the service sees it, which a story moves forward as a team would over weeks. */
export interface StoryClock {
  now(): string;
  set(iso: string): void | Promise<void>;
  advanceDays(days: number): void | Promise<void>;
}

export class TestClock implements StoryClock {
  constructor(private current: Date) {}
  now(): string {
    return this.current.toISOString();
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** Waits until /ready answers 200. */
export async function waitUntilReady(baseUrl: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/ready`).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${baseUrl} was not ready within ${timeoutMs} ms`);
}
