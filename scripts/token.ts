import { loadConfig } from '../src/config/config';
import { resolveJwtSecret } from '../src/shared/auth/jwt-secret';
import { Principal, Role, ROLES } from '../src/shared/auth/principal';
import { signToken } from '../src/shared/auth/tokens';

const USAGE = `usage: npm run token -- --role DIRECTOR|MANAGER|CONTRIBUTOR|VIEWER|AUDITOR --sub <who> [--teams '*'|team-a,team-b] [--expires 12h]
Prints a bearer token signed with JWT_SECRET, or with the secret the service generated in DATA_DIR.`;

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
  const secret = resolveJwtSecret(config.jwtSecret, config.dataDir);
  const principal: Principal = { sub, role: role as Role, teams };
  console.log(await signToken(secret, principal, option(args, 'expires') ?? '12h'));
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`token: ${error.message}`);
  process.exit(1);
});
