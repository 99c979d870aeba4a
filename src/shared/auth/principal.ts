export const ROLES = ['DIRECTOR', 'MANAGER', 'CONTRIBUTOR', 'VIEWER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as their bearer token says. */
export interface Principal {
  sub: string;
  role: Role;
  /** Team ids the token is scoped to; `*` for every team. */
  teams: readonly string[] | '*';
}

export function coversTeam(principal: Principal, teamId: string): boolean {
  return principal.teams === '*' || principal.teams.includes(teamId);
}
