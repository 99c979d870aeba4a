import { loadConfig } from '../src/config/config';
import { findJwtSecret, noJwtSecretMessage } from '../src/shared/auth/jwt-secret';
import { Principal, Role, ROLES } from '../src/shared/auth/principal';
import { signToken } from '../src/shared/auth/tokens';

const USAGE = `usage: npm run token -- --role DIRECTOR|MANAGER|CONTRIBUTOR|VIEWER|AUDITOR --sub <who> [--teams '*'|team-a,team-b] [--expires 12h]
Prints a bearer token signed with the secret the service uses: JWT_SECRET, or the file the service generated in
DATA_DIR (default ./data). Says on stderr which one it used; creates none.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const role = option(args, 'role')?.toUpperCase();
  const sub = option(args, 'sub');
  if (!role || !ROLES.includes(role as Role) || !sub) {
    console.error(USAGE);
    process.exit(2);
  }
  const teamsOption = option(args, 'teams') ?? '*';
  const teams =
    teamsOption === '*'
      ? '*'
      : teamsOption
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
  const config = loadConfig();
  const found = findJwtSecret(config.jwtSecret, config.dataDir);
  if (!found) {
    console.error(`token: ${noJwtSecretMessage(config.dataDir)}`);
    process.exit(1);
  }
  console.error(`token: signed with the secret from ${found.source}`);
  const principal: Principal = { sub, role: role as Role, teams };
  console.log(await signToken(found.secret, principal, option(args, 'expires') ?? '12h'));
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`token: ${error.message}`);
  process.exit(1);
});
