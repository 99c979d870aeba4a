import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

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
});
