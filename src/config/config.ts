import { accessSync, constants, mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { Role, ROLES } from '../shared/auth/principal';
import { ClaimMapping, GroupGrant } from '../shared/auth/provider-claims';
import { DEFAULT_QUIET_PERIOD_HOURS } from '../webhooks/domain/alert.decide';
import { Network, parseNetworks } from '../webhooks/domain/outbound-address';

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
  /** Where people open the service (scheme, host and port, no path); else the address each request names. */
  publicUrl: string | null;
  /** Single sign-on and provider-signed bearer tokens; null when no identity provider is configured. */
  identityProvider: IdentityProviderConfig | null;
  webhooks: WebhookConfig;
}

export interface IdentityProviderConfig {
  /** The issuer URL; its discovery document is at `/.well-known/openid-configuration` below it. */
  issuer: string;
  clientId: string;
  /** Null for a public client, which proves itself with PKCE alone. */
  clientSecret: string | null;
  /** The `aud` bearer tokens from the provider must include. */
  audience: string;
  scopes: string;
  /** Shown on the sign-in page: "Sign in with <providerName>". */
  providerName: string;
  claims: ClaimMapping;
  /** How long a dashboard session lasts after sign-in, whatever the provider's own session does. */
  sessionHours: number;
  /** How soon a token signed with a key not yet known may fetch the provider's keys again. */
  keysRefetchCooldownSeconds: number;
}

export interface WebhookConfig {
  /** Private, loopback or link-local networks webhooks may still reach (on-premises receivers). */
  allowedNetworks: Network[];
  /** Longest one delivery attempt may take, connection and answer included. */
  timeoutMs: number;
  /** How long a decision may be overdue before DECISION_OVERDUE is sent. */
  quietPeriodHours: number;
  /** How often due deliveries and alerts are looked for. */
  tickMs: number;
  /** How long the replica that sends webhooks holds the right to, without renewing it. */
  leaseSeconds: number;
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

/** The configuration the service was started with, for providers that read a setting of their own. */
export const APP_CONFIG = Symbol('AppConfig');

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
    publicUrl: publicUrl(env),
    identityProvider: identityProvider(env),
    webhooks: {
      allowedNetworks: allowedNetworks(env),
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
      quietPeriodHours: integer(env, 'ALERT_QUIET_PERIOD_HOURS', DEFAULT_QUIET_PERIOD_HOURS, 0, 8760),
      tickMs: integer(env, 'WEBHOOK_TICK_MS', 1000, 10, 60_000),
      leaseSeconds: integer(env, 'WEBHOOK_LEASE_SECONDS', 30, 2, 3600),
    },
  };
}

function allowedNetworks(env: Env): Network[] {
  try {
    return parseNetworks(env.WEBHOOK_ALLOWED_NETWORKS ?? '');
  } catch (error) {
    throw new ConfigError('WEBHOOK_ALLOWED_NETWORKS', (error as Error).message);
  }
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

function publicUrl(env: Env): string | null {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return null;
  const url = parsedUrl(raw);
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigError(
      'PUBLIC_URL',
      `must be an http(s) address with no path, like https://pilotlog.example.com, got "${raw}"`,
    );
  }
  return url.origin;
}

const IDENTITY_PROVIDER_VARIABLES = [
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_AUDIENCE',
  'OIDC_SCOPES',
  'OIDC_PROVIDER_NAME',
  'OIDC_SUBJECT_CLAIM',
  'OIDC_ROLE_CLAIM',
  'OIDC_TEAMS_CLAIM',
  'OIDC_GROUPS_CLAIM',
  'OIDC_GROUP_MAP',
  'OIDC_SESSION_HOURS',
  'OIDC_KEYS_REFETCH_COOLDOWN_SECONDS',
];

function identityProvider(env: Env): IdentityProviderConfig | null {
  const raw = env.OIDC_ISSUER?.trim();
  if (!raw) {
    const stray = IDENTITY_PROVIDER_VARIABLES.find((name) => env[name]?.trim());
    if (stray) throw new ConfigError(stray, 'is set but OIDC_ISSUER is not: set the issuer too, or unset it');
    return null;
  }
  const url = parsedUrl(raw);
  if (!url || url.search || url.hash || !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url)))) {
    throw new ConfigError(
      'OIDC_ISSUER',
      `must be the https address of the identity provider's issuer (http only on this machine), got "${raw}"`,
    );
  }
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId)
    throw new ConfigError('OIDC_CLIENT_ID', 'is required with OIDC_ISSUER: the id pilotlog has at the provider');
  const scopes = env.OIDC_SCOPES?.trim() || 'openid profile email';
  if (!scopes.split(/\s+/).includes('openid')) {
    throw new ConfigError('OIDC_SCOPES', `must include openid, got "${scopes}"`);
  }
  return {
    issuer: raw,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || null,
    audience: env.OIDC_AUDIENCE?.trim() || clientId,
    scopes,
    providerName: env.OIDC_PROVIDER_NAME?.trim() || url.host,
    claims: {
      subjectClaim: claimName(env, 'OIDC_SUBJECT_CLAIM', 'sub'),
      roleClaim: claimName(env, 'OIDC_ROLE_CLAIM', 'role'),
      teamsClaim: claimName(env, 'OIDC_TEAMS_CLAIM', 'teams'),
      groupsClaim: claimName(env, 'OIDC_GROUPS_CLAIM', 'groups'),
      groupGrants: groupGrants(env),
    },
    sessionHours: integer(env, 'OIDC_SESSION_HOURS', 8, 1, 720),
    keysRefetchCooldownSeconds: integer(env, 'OIDC_KEYS_REFETCH_COOLDOWN_SECONDS', 30, 0, 3600),
  };
}

function parsedUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

function claimName(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (/\s/.test(raw)) throw new ConfigError(name, `must be one claim name (or a dotted path), got "${raw}"`);
  return raw;
}

/**
 * `OIDC_GROUP_MAP`: entries separated by `;`, each `<group>=<ROLE>:<teams>`, where the role or the
 * teams (comma-separated team ids, or `*`) may be left out: `admins=DIRECTOR:*; smb-reps=CONTRIBUTOR:smb`.
 */
function groupGrants(env: Env): GroupGrant[] {
  const raw = env.OIDC_GROUP_MAP?.trim();
  if (!raw) return [];
  return raw
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.lastIndexOf('=');
      const group = entry.slice(0, Math.max(separator, 0)).trim();
      const [rolePart = '', ...teamParts] = entry.slice(separator + 1).split(':');
      const role = rolePart.trim().toUpperCase();
      const teamsText = teamParts.join(':').trim();
      const problem =
        separator <= 0 || !group
          ? 'has no group before "="'
          : role && !ROLES.includes(role as Role)
            ? `names no role of ${ROLES.join(', ')}`
            : !role && !teamsText
              ? 'grants neither a role nor teams'
              : null;
      if (problem) {
        throw new ConfigError(
          'OIDC_GROUP_MAP',
          `the entry "${entry}" ${problem}; write <group>=<ROLE>:<team,team|*>, entries separated by ";"`,
        );
      }
      const teams = teamsText
        .split(',')
        .map((team) => team.trim())
        .filter(Boolean);
      return { group, role: (role || null) as Role | null, teams: teams.includes('*') ? '*' : teams };
    });
}
