import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';

/** Writes schema.gql from the code-first types, on a throwaway store. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pilotlog-schema-'));
  try {
    const app = await createApp(
      loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'schema-emitter-secret-long-enough-000' }),
      {
        schemaFile: resolve(process.argv[2] ?? 'schema.gql'),
        logger: false,
      },
    );
    await app.init();
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Exit explicitly: a closed Nest application can leave the loop waiting on nothing visible.
main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`schema: ${error.message}`);
    process.exit(1);
  },
);
