import { claimAt, ClaimMapping, principalFromClaims } from './provider-claims';
import { InvalidTokenError } from './tokens';

const defaults: ClaimMapping = {
  subjectClaim: 'sub',
  roleClaim: 'role',
  teamsClaim: 'teams',
  groupsClaim: 'groups',
  groupGrants: [],
};

describe('pilotlog roles and teams from an identity provider’s claims', () => {
  it('reads the role and teams claims as they are named by default', () => {
    expect(principalFromClaims({ sub: 'maya', role: 'MANAGER', teams: ['smb'] }, defaults)).toEqual({
      sub: 'maya',
      role: 'MANAGER',
      teams: ['smb'],
    });
  });

  it('accepts a role in any case, a list of roles (the strongest wins) and teams in one string', () => {
    expect(principalFromClaims({ sub: 'a', role: ['viewer', 'Director'], teams: 'smb, ent' }, defaults)).toEqual({
      sub: 'a',
      role: 'DIRECTOR',
      teams: ['ent', 'smb'],
    });
    expect(principalFromClaims({ sub: 'a', role: 'auditor', teams: ['*', 'smb'] }, defaults).teams).toBe('*');
  });

  it('names the person by the subject claim, falling back to sub when the token has not got it', () => {
    const mapping = { ...defaults, subjectClaim: 'preferred_username' };
    expect(principalFromClaims({ sub: 'f81d4fae', preferred_username: 'maya', role: 'VIEWER' }, mapping).sub).toBe(
      'maya',
    );
    expect(principalFromClaims({ sub: 'grafana-client', role: 'VIEWER' }, mapping).sub).toBe('grafana-client');
  });

  it('maps Entra ID group object ids to roles and teams, adding up the teams of every group', () => {
    const mapping: ClaimMapping = {
      ...defaults,
      groupGrants: [
        { group: '5f1c2a9e-directors', role: 'DIRECTOR', teams: '*' },
        { group: '0b7d-smb-managers', role: 'MANAGER', teams: ['smb'] },
        { group: '9e2f-enterprise', role: null, teams: ['enterprise'] },
      ],
    };
    expect(
      principalFromClaims({ sub: 'omar', groups: ['0b7d-smb-managers', '9e2f-enterprise', 'unrelated'] }, mapping),
    ).toEqual({ sub: 'omar', role: 'MANAGER', teams: ['enterprise', 'smb'] });
    expect(principalFromClaims({ sub: 'dana', groups: ['5f1c2a9e-directors'] }, mapping)).toEqual({
      sub: 'dana',
      role: 'DIRECTOR',
      teams: '*',
    });
  });

  it('reads Keycloak realm roles through a dotted path, and takes the stronger of claim and group roles', () => {
    const mapping: ClaimMapping = {
      ...defaults,
      groupsClaim: 'realm_access.roles',
      groupGrants: [{ group: 'pilotlog-manager', role: 'MANAGER', teams: ['smb'] }],
    };
    const claims = {
      sub: 'maya',
      role: 'CONTRIBUTOR',
      realm_access: { roles: ['offline_access', 'pilotlog-manager'] },
    };
    expect(principalFromClaims(claims, mapping)).toEqual({ sub: 'maya', role: 'MANAGER', teams: ['smb'] });
  });

  it('prefers a claim whose whole name has dots to a path, as namespaced claims are written', () => {
    const claims = { 'https://pilotlog.example.com/role': 'VIEWER', https: { role: 'DIRECTOR' } };
    expect(claimAt(claims, 'https://pilotlog.example.com/role')).toBe('VIEWER');
    expect(claimAt({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1);
    expect(claimAt({ a: 'text' }, 'a.b')).toBeUndefined();
  });

  it('refuses a person the provider gives no pilotlog role, saying which claims were read', () => {
    const refuse = () => principalFromClaims({ sub: 'eve', role: 'admin', groups: ['everyone'] }, defaults);
    expect(refuse).toThrow(InvalidTokenError);
    expect(refuse).toThrow(
      /gives eve no pilotlog role: its "role" claim .* "groups" is mapped to one \(OIDC_GROUP_MAP\)/,
    );
  });

  it('refuses a token that names no one', () => {
    expect(() => principalFromClaims({ role: 'VIEWER' }, defaults)).toThrow(/no subject/);
  });

  it('gives no team when neither the teams claim nor a group names one', () => {
    expect(principalFromClaims({ sub: 'v', role: 'VIEWER' }, defaults).teams).toEqual([]);
  });
});
