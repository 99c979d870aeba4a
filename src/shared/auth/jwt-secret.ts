import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const JWT_SECRET_FILE = 'jwt-secret';

export interface FoundJwtSecret {
  secret: string;
  /** Where it came from, for a person to check: `JWT_SECRET` or the file's path. */
  source: string;
}

/**
 * The secret the service signs and verifies tokens with, looked up without creating anything:
 * JWT_SECRET when configured, else the file generated into DATA_DIR; null when neither exists.
 * The service and the command-line tools share this lookup, so a token minted by one is accepted by
 * the other whenever both see the same configuration.
 */
export function findJwtSecret(configured: string | null, dataDir: string): FoundJwtSecret | null {
  if (configured) return { secret: configured, source: 'JWT_SECRET' };
  const file = jwtSecretFile(dataDir);
  if (!existsSync(file)) return null;
  return { secret: readFileSync(file, 'utf8').trim(), source: file };
}

export function jwtSecretFile(dataDir: string): string {
  return join(dataDir, JWT_SECRET_FILE);
}

/**
 * The service's secret: the one `findJwtSecret` finds, otherwise a new one generated once into
 * DATA_DIR (mode 0600), so tokens minted with `npm run token` keep working across restarts.
 */
export function resolveJwtSecret(configured: string | null, dataDir: string): string {
  const found = findJwtSecret(configured, dataDir);
  if (found) return found.secret;
  const file = jwtSecretFile(dataDir);
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}

/** Why a command-line tool cannot sign a token the service would accept, and what to do about it. */
export function noJwtSecretMessage(dataDir: string): string {
  return (
    `no secret to sign with: JWT_SECRET is not set and ${jwtSecretFile(dataDir)} does not exist. ` +
    'Use the JWT_SECRET or DATA_DIR the service runs with (the service creates the file at its first start)'
  );
}
