import { Principal, Role } from '../../src/shared/auth/principal';
import { signToken } from '../../src/shared/auth/tokens';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export function tokenFor(
  role: Role,
  sub: string,
  teams: Principal['teams'] = '*',
  options: { secret?: string; expiresIn?: string | number } = {},
): Promise<string> {
  return signToken(options.secret ?? TEST_JWT_SECRET, { role, sub, teams }, options.expiresIn ?? '1h');
}
