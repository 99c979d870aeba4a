import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { execFileSync } from 'node:child_process';

const root = resolve(__dirname, '..');

describe('schema.gql', () => {
  it('is exactly what the code emits (run `npm run schema` after changing the API)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pilotlog-schema-'));
    try {
      const emitted = join(dir, 'schema.gql');
      execFileSync(
        process.execPath,
        ['--require', join(root, 'scripts/register-ts.js'), join(root, 'scripts/emit-schema.ts'), emitted],
        { cwd: root, stdio: 'pipe', timeout: 60_000 },
      );
      expect(readFileSync(emitted, 'utf8')).toBe(readFileSync(join(root, 'schema.gql'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every type, field and argument of the public contract', () => {
    const contract = buildSchema(readFileSync(join(root, 'test/contract/contract.graphql'), 'utf8'));
    const schema = buildSchema(readFileSync(join(root, 'schema.gql'), 'utf8'));
    expect(findBreakingChanges(contract, schema)).toEqual([]);
  });
});
