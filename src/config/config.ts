import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  /** Address to listen on; all interfaces unless HOST says otherwise. */
  host: string;
  dataDir: string;
  eventStoreConnectionString: string | null;
  jwtSecret: string | null;
  production: boolean;
  /** Schema introspection (explorer completion, BI schema discovery); off in production unless asked. */
  introspection: boolean;
  /** SQLite `synchronous` pragma; FULL keeps acknowledged appends through a power cut. */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Longest a mutation waits for its own write to reach the read models. */
  readYourWritesTimeoutMs: number;
  /** Streams whose folded state the write path keeps between commands (0 turns it off). */
  commandStateCacheStreams: number;
  /** How long an append waits for others to share its transaction; 0 groups those of one event-loop turn. */
  sqliteGroupCommitWindowMs: number;
  /** Events folded between two saves of the read models (also saved once caught up and at shutdown); 0 never saves them. */
  readModelSnapshotEvents: number;
  /** Events of one stream a past-instant fold reads past its latest snapshot before it saves a new one; 0 never. */
  streamSnapshotEvents: number;
  /** Abuse limits every GraphQL operation is checked against before it runs. */
  queryLimits: QueryLimits;
}

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
}

/**
 * Room above the heaviest operations the product itself sends (graphql-armor's measures): the
 * dashboard's decision replay is 7 levels deep; 100 initiatives asked as of an instant in one
 * request, one alias each, carry 100 aliases and about 2,300 tokens; the README's decision log read 500 at a time costs about
 * 53,600 and its 500-row initiative export about 19,400. Introspection counts for none of them.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxCost: 100_000,
  maxAliases: 100,
  maxTokens: 5000,
  maxDirectives: 50,
};

/** A configuration value that cannot work; the message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: writableDirectory(env, 'DATA_DIR', './data'),
    eventStoreConnectionString: connectionString(env),
    jwtSecret: jwtSecret(env),
    production: nodeEnv === 'production',
    introspection:
      oneOf(env, 'GRAPHQL_INTROSPECTION', ['TRUE', 'FALSE'] as const, nodeEnv === 'production' ? 'FALSE' : 'TRUE') ===
      'TRUE',
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    readYourWritesTimeoutMs: integer(env, 'READ_YOUR_WRITES_TIMEOUT_MS', 5000, 0, 600000),
    commandStateCacheStreams: integer(env, 'COMMAND_STATE_CACHE_STREAMS', 1000, 0, 1_000_000),
    sqliteGroupCommitWindowMs: integer(env, 'SQLITE_GROUP_COMMIT_WINDOW_MS', 0, 0, 100),
    readModelSnapshotEvents: integer(env, 'READ_MODEL_SNAPSHOT_EVENTS', 100_000, 0, 100_000_000),
    streamSnapshotEvents: integer(env, 'STREAM_SNAPSHOT_EVENTS', 500, 0, 1_000_000),
    queryLimits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 1000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, 1, 100_000_000),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 100_000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 1, 1_000_000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives, 0, 100_000),
    },
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()))
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toUpperCase() as T;
  if (!allowed.includes(value)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return value;
}

function writableDirectory(env: Env, name: string, fallback: string): string {
  const dir = resolve(env[name]?.trim() || fallback);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK | constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(name, `cannot create or write the directory ${dir} (${code})`);
  }
  return dir;
}

function connectionString(env: Env): string | null {
  const raw = env.EVENTSTORE_CONNECTION_STRING?.trim();
  if (!raw) return null;
  if (!/^esdb(\+discover)?:\/\/.+/.test(raw)) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'must start with esdb:// or esdb+discover://');
  }
  return raw;
}

function jwtSecret(env: Env): string | null {
  const raw = env.JWT_SECRET;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  return raw;
}
