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
});
