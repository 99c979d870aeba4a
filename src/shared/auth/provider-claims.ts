import { Principal, Role, ROLES } from './principal';
import { InvalidTokenError } from './tokens';

/** What one of the provider's groups (or roles, or any claim value) grants in pilotlog. */
export interface GroupGrant {
  group: string;
  role: Role | null;
  /** Team ids, or `*` for every team. */
  teams: readonly string[] | '*';
}

/** Which claims of an identity provider's tokens say who the person is, in which role and for which teams. */
export interface ClaimMapping {
  /** Names the person in pilotlog (team member ids, event actors); `sub` when the token lacks it. */
  subjectClaim: string;
  roleClaim: string;
  teamsClaim: string;
  /** The claim whose values `groupGrants` are looked up by (groups, realm roles, an e-mail domain...). */
  groupsClaim: string;
  groupGrants: readonly GroupGrant[];
}

/**
 * When the claims and the group grants give a person several roles, the first of these wins: each
 * may do at least what the ones after it may, but for the audit trail an auditor reads and a
 * contributor does not, which comes second to giving feedback.
 */
export const ROLE_PRECEDENCE: readonly Role[] = ['DIRECTOR', 'MANAGER', 'CONTRIBUTOR', 'AUDITOR', 'VIEWER'];

type Claims = Readonly<Record<string, unknown>>;

/**
 * A claim by its name, or by a dotted path into nested claims (`realm_access.roles`) when no claim
 * has the whole name: providers also name claims with URLs, dots included.
 */
export function claimAt(claims: Claims, name: string): unknown {
  if (name in claims) return claims[name];
  let current: unknown = claims;
  for (const part of name.split('.')) {
    if (current === null || typeof current !== 'object' || !(part in current)) return undefined;
    current = (current as Claims)[part];
  }
  return current;
}

/** A claim's values: a list, or one string that may hold several separated by commas or spaces. */
function valuesOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((value): value is string => typeof value === 'string');
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * Who a token of the identity provider names, in which role and for which teams: the role claim and
 * the grants of the person's groups together, the strongest role winning and the teams added up.
 */
export function principalFromClaims(claims: Claims, mapping: ClaimMapping): Principal {
  const subject = claimAt(claims, mapping.subjectClaim);
  const sub = typeof subject === 'string' && subject.trim() ? subject.trim() : claims.sub;
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('The token names no one: it has no subject');

  const groups = new Set(valuesOf(claimAt(claims, mapping.groupsClaim)));
  const grants = mapping.groupGrants.filter((grant) => groups.has(grant.group));
  const roles = new Set<string>(valuesOf(claimAt(claims, mapping.roleClaim)).map((role) => role.toUpperCase()));
  for (const grant of grants) if (grant.role) roles.add(grant.role);
  const role = ROLE_PRECEDENCE.find((candidate) => roles.has(candidate));
  if (!role) {
    throw new InvalidTokenError(
      `The identity provider gives ${sub} no pilotlog role: its "${mapping.roleClaim}" claim names none of ` +
        `${ROLES.join(', ')}, and none of its "${mapping.groupsClaim}" is mapped to one (OIDC_GROUP_MAP)`,
    );
  }

  const teams = new Set(valuesOf(claimAt(claims, mapping.teamsClaim)));
  for (const grant of grants) {
    if (grant.teams === '*') teams.add('*');
    else for (const team of grant.teams) teams.add(team);
  }
  return { sub, role, teams: teams.has('*') ? '*' : [...teams].sort() };
}
