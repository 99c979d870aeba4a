import autocannon from 'autocannon';
import { serveChild } from './child';

/** HTTP load on one GraphQL operation, from a process of its own, every answer body read. */
export interface LoadInput {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** The same body every time, or a mutation whose commandId changes on every request. */
  body: string | { query: string; input: Record<string, unknown>; targets: string[]; runId: string };
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not HTTP 200 or carried GraphQL errors. */
  errors: number;
  firstError: string | null;
}

function bodies(spec: LoadInput['body']): () => string {
  if (typeof spec === 'string') return () => spec;
  let n = 0;
  return () => {
    const i = n++;
    const initiativeId = spec.targets[i % spec.targets.length];
    return JSON.stringify({
      query: spec.query,
      variables: { input: { ...spec.input, initiativeId, value: 10 + (i % 7), commandId: `${spec.runId}-${i}` } },
    });
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

serveChild<LoadInput, LoadResult>(async (input) => {
  const next = bodies(input.body);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const instance = autocannon({
    url: input.url,
    connections: input.connections,
    duration: input.seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...input.headers },
        setupRequest: (request) => ({ ...request, body: next() }),
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors"')) return;
          errors++;
          firstError ??= `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  // autocannon's own histogram keeps whole milliseconds; these are the exact response times.
  instance.on('response', (_client, _status, _bytes, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    connections: input.connections,
    seconds: result.duration,
    requests: result.requests.total,
    perSec: (result.requests.total - errors) / result.duration,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors: errors + result.errors + result.timeouts,
    firstError,
  };
});
