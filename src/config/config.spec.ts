import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEFAULT_QUERY_LIMITS, loadConfig } from './config';

describe('configuration', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pilotlog-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('works with no configuration at all, creating the data directory', () => {
    const config = loadConfig({ DATA_DIR: join(dir, 'nested', 'data') });
    expect(config).toMatchObject({
      port: 3000,
      eventStoreConnectionString: null,
      jwtSecret: null,
      production: false,
      sqliteSynchronous: 'FULL',
    });
    expect(config.dataDir).toBe(join(dir, 'nested', 'data'));
  });

  it.each([['abc'], ['3000x'], ['70000'], ['-1']])('rejects PORT=%s naming the variable', (port) => {
    expect(() => loadConfig({ PORT: port, DATA_DIR: dir })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port, DATA_DIR: dir })).toThrow(/^PORT: must be a whole number/);
  });

  it('rejects a DATA_DIR that cannot be created', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    expect(() => loadConfig({ DATA_DIR: join(file, 'data') })).toThrow(/^DATA_DIR: cannot create or write/);
  });

  it('rejects a connection string of another scheme and a short JWT secret', () => {
    expect(() => loadConfig({ DATA_DIR: dir, EVENTSTORE_CONNECTION_STRING: 'http://x' })).toThrow(
      /^EVENTSTORE_CONNECTION_STRING:/,
    );
    expect(() => loadConfig({ DATA_DIR: dir, JWT_SECRET: 'short' })).toThrow(/^JWT_SECRET:/);
  });

  it('reads production mode and the store settings', () => {
    const config = loadConfig({
      DATA_DIR: dir,
      NODE_ENV: 'production',
      PORT: '8080',
      SQLITE_SYNCHRONOUS: 'normal',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
    });
    expect(config).toMatchObject({
      production: true,
      port: 8080,
      sqliteSynchronous: 'NORMAL',
      eventStoreConnectionString: 'esdb://localhost:2113?tls=false',
    });
  });

  it('turns introspection off in production unless GRAPHQL_INTROSPECTION asks for it', () => {
    expect(loadConfig({ DATA_DIR: dir }).introspection).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(
      true,
    );
    expect(loadConfig({ DATA_DIR: dir, GRAPHQL_INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(() => loadConfig({ DATA_DIR: dir, GRAPHQL_INTROSPECTION: 'yes' })).toThrow(
      /^GRAPHQL_INTROSPECTION: must be one of TRUE, FALSE, got "yes"$/,
    );
  });

  it('keeps the folded state of 1,000 streams for commands unless COMMAND_STATE_CACHE_STREAMS says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dir }).commandStateCacheStreams).toBe(1000);
    expect(loadConfig({ DATA_DIR: dir, COMMAND_STATE_CACHE_STREAMS: '0' }).commandStateCacheStreams).toBe(0);
    expect(() => loadConfig({ DATA_DIR: dir, COMMAND_STATE_CACHE_STREAMS: '-1' })).toThrow(
      /^COMMAND_STATE_CACHE_STREAMS: /,
    );
  });

  it('groups commits and saves folds by default, each setting read from its variable', () => {
    expect(loadConfig({ DATA_DIR: dir })).toMatchObject({
      sqliteGroupCommitWindowMs: 0,
      readModelSnapshotEvents: 100_000,
      streamSnapshotEvents: 500,
    });
    expect(
      loadConfig({
        DATA_DIR: dir,
        SQLITE_GROUP_COMMIT_WINDOW_MS: '2',
        READ_MODEL_SNAPSHOT_EVENTS: '0',
        STREAM_SNAPSHOT_EVENTS: '1000',
      }),
    ).toMatchObject({ sqliteGroupCommitWindowMs: 2, readModelSnapshotEvents: 0, streamSnapshotEvents: 1000 });
  });

  it.each([
    ['SQLITE_GROUP_COMMIT_WINDOW_MS', '101', 'from 0 to 100'],
    ['SQLITE_GROUP_COMMIT_WINDOW_MS', '0.5', 'from 0 to 100'],
    ['READ_MODEL_SNAPSHOT_EVENTS', 'often', 'from 0 to 100000000'],
    ['STREAM_SNAPSHOT_EVENTS', '-1', 'from 0 to 1000000'],
  ])('rejects %s=%s at start, naming the variable', (name, value, range) => {
    expect(() => loadConfig({ DATA_DIR: dir, [name]: value })).toThrow(
      `${name}: must be a whole number ${range}, got "${value}"`,
    );
  });

  it('holds GraphQL operations to the default abuse limits when none are configured', () => {
    expect(loadConfig({ DATA_DIR: dir }).queryLimits).toEqual({
      maxDepth: 10,
      maxCost: 100000,
      maxAliases: 100,
      maxTokens: 5000,
      maxDirectives: 50,
    });
    expect(loadConfig({ DATA_DIR: dir, GRAPHQL_MAX_DEPTH: ' ' }).queryLimits).toEqual(DEFAULT_QUERY_LIMITS);
  });

  it('reads every abuse limit from its variable', () => {
    const config = loadConfig({
      DATA_DIR: dir,
      GRAPHQL_MAX_DEPTH: '6',
      GRAPHQL_MAX_COST: '2500',
      GRAPHQL_MAX_ALIASES: '0',
      GRAPHQL_MAX_TOKENS: ' 800 ',
      GRAPHQL_MAX_DIRECTIVES: '5',
    });
    expect(config.queryLimits).toEqual({ maxDepth: 6, maxCost: 2500, maxAliases: 0, maxTokens: 800, maxDirectives: 5 });
  });

  it.each([
    ['GRAPHQL_MAX_DEPTH', '0', 'from 1 to 1000'],
    ['GRAPHQL_MAX_DEPTH', 'deep', 'from 1 to 1000'],
    ['GRAPHQL_MAX_COST', '1e6', 'from 1 to 100000000'],
    ['GRAPHQL_MAX_COST', '-5', 'from 1 to 100000000'],
    ['GRAPHQL_MAX_ALIASES', '12.5', 'from 0 to 100000'],
    ['GRAPHQL_MAX_TOKENS', '0', 'from 1 to 1000000'],
    ['GRAPHQL_MAX_TOKENS', '2000000', 'from 1 to 1000000'],
    ['GRAPHQL_MAX_DIRECTIVES', 'none', 'from 0 to 100000'],
  ])('rejects %s=%s in one line naming the variable', (name, value, range) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dir, [name]: value });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as Error).message).toBe(`${name}: must be a whole number ${range}, got "${value}"`);
    expect((error as Error).message).not.toContain('\n');
  });

  describe('the identity provider', () => {
    const issuer = { OIDC_ISSUER: 'https://login.example.com/realms/sales', OIDC_CLIENT_ID: 'pilotlog' };

    it('is off without OIDC_ISSUER', () => {
      expect(loadConfig({ DATA_DIR: dir }).identityProvider).toBeNull();
    });

    it('defaults the audience to the client id and reads role, teams and groups claims', () => {
      expect(loadConfig({ DATA_DIR: dir, ...issuer }).identityProvider).toEqual({
        issuer: 'https://login.example.com/realms/sales',
        clientId: 'pilotlog',
        clientSecret: null,
        audience: 'pilotlog',
        scopes: 'openid profile email',
        providerName: 'login.example.com',
        claims: { subjectClaim: 'sub', roleClaim: 'role', teamsClaim: 'teams', groupsClaim: 'groups', groupGrants: [] },
        sessionHours: 8,
        keysRefetchCooldownSeconds: 30,
      });
    });

    it('reads the group map: a role and teams, a role alone, teams alone', () => {
      const config = loadConfig({
        DATA_DIR: dir,
        ...issuer,
        OIDC_CLIENT_SECRET: 's3cret',
        OIDC_AUDIENCE: 'api://pilotlog',
        OIDC_PROVIDER_NAME: 'Keycloak',
        OIDC_GROUPS_CLAIM: 'realm_access.roles',
        OIDC_GROUP_MAP: 'pilotlog-director=DIRECTOR:*; pilotlog-viewer=viewer ;smb=:smb,enterprise',
      }).identityProvider!;
      expect(config).toMatchObject({ clientSecret: 's3cret', audience: 'api://pilotlog', providerName: 'Keycloak' });
      expect(config.claims.groupsClaim).toBe('realm_access.roles');
      expect(config.claims.groupGrants).toEqual([
        { group: 'pilotlog-director', role: 'DIRECTOR', teams: '*' },
        { group: 'pilotlog-viewer', role: 'VIEWER', teams: [] },
        { group: 'smb', role: null, teams: ['smb', 'enterprise'] },
      ]);
    });

    it.each([
      [{ OIDC_ISSUER: 'http://login.example.com', OIDC_CLIENT_ID: 'p' }, 'OIDC_ISSUER', /https address/],
      [{ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'p' }, 'OIDC_ISSUER', /https address/],
      [{ OIDC_ISSUER: 'https://login.example.com' }, 'OIDC_CLIENT_ID', /required with OIDC_ISSUER/],
      [{ OIDC_CLIENT_ID: 'pilotlog' }, 'OIDC_CLIENT_ID', /OIDC_ISSUER is not/],
      [{ ...issuer, OIDC_SCOPES: 'profile email' }, 'OIDC_SCOPES', /must include openid/],
      [{ ...issuer, OIDC_ROLE_CLAIM: 'two words' }, 'OIDC_ROLE_CLAIM', /one claim name/],
      [{ ...issuer, OIDC_GROUP_MAP: 'admins=OWNER:*' }, 'OIDC_GROUP_MAP', /"admins=OWNER:\*" names no role/],
      [{ ...issuer, OIDC_GROUP_MAP: 'admins' }, 'OIDC_GROUP_MAP', /has no group before "="/],
      [{ ...issuer, OIDC_GROUP_MAP: 'admins=' }, 'OIDC_GROUP_MAP', /grants neither a role nor teams/],
      [{ ...issuer, OIDC_SESSION_HOURS: '0' }, 'OIDC_SESSION_HOURS', /from 1 to 720/],
      [{ PUBLIC_URL: 'https://pilotlog.example.com/app' }, 'PUBLIC_URL', /no path/],
    ])('refuses %j naming %s', (env, variable, problem) => {
      let error: unknown;
      try {
        loadConfig({ DATA_DIR: dir, ...env });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toMatch(problem);
    });

    it('allows plain http for an issuer on this machine only, and reads PUBLIC_URL without its slash', () => {
      const local = { OIDC_ISSUER: 'http://127.0.0.1:8080/realms/dev', OIDC_CLIENT_ID: 'pilotlog' };
      expect(loadConfig({ DATA_DIR: dir, ...local }).identityProvider?.issuer).toBe('http://127.0.0.1:8080/realms/dev');
      expect(
        loadConfig({ DATA_DIR: dir, ...local, OIDC_ISSUER: 'http://localhost:8080' }).identityProvider,
      ).not.toBeNull();
      expect(loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'https://pilotlog.example.com/' }).publicUrl).toBe(
        'https://pilotlog.example.com',
      );
    });
  });

  it('sends webhooks to public addresses only, with a 10 s timeout and a 48 h quiet period, unless configured', () => {
    const config = loadConfig({ DATA_DIR: dir, PORT: '8080' });
    expect(config.publicUrl).toBeNull();
    expect(config.webhooks).toEqual({
      allowedNetworks: [],
      timeoutMs: 10_000,
      quietPeriodHours: 48,
      tickMs: 1000,
      leaseSeconds: 30,
    });
  });

  it('reads the webhook settings from their variables', () => {
    const config = loadConfig({
      DATA_DIR: dir,
      PUBLIC_URL: 'https://pilotlog.example.com/',
      WEBHOOK_ALLOWED_NETWORKS: '10.20.0.0/16, 127.0.0.1',
      WEBHOOK_TIMEOUT_MS: '2500',
      ALERT_QUIET_PERIOD_HOURS: '0',
      WEBHOOK_TICK_MS: '50',
      WEBHOOK_LEASE_SECONDS: '5',
    });
    expect(config.publicUrl).toBe('https://pilotlog.example.com');
    expect(config.webhooks.allowedNetworks.map((network) => network.text)).toEqual(['10.20.0.0/16', '127.0.0.1']);
    expect(config.webhooks).toMatchObject({ timeoutMs: 2500, quietPeriodHours: 0, tickMs: 50, leaseSeconds: 5 });
  });

  it('rejects an allow-list entry or a public URL that cannot work, naming the variable', () => {
    expect(() => loadConfig({ DATA_DIR: dir, WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/8,intranet' })).toThrow(
      'WEBHOOK_ALLOWED_NETWORKS: "intranet" is not an IP address or network',
    );
    expect(() => loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'pilotlog.example.com' })).toThrow(/^PUBLIC_URL: must be/);
  });
});
