import { RowRefused } from '../../shared/domain/rule-broken';
import { deciderSpec } from '../../shared/testing/decider';
import { AddTeamMember, AddTeamMembers, decideTeam, RegisterTeam, RemoveTeamMember, TeamCommand } from './team.decide';
import { TeamEvent, TeamMemberAdded, TeamRegistered } from './team.events';
import { evolveTeam, initialTeamState, TeamState, teamSnapshot } from './team.state';

const NOW = '2025-03-03T09:00:00.000Z';
const { given } = deciderSpec<TeamCommand, TeamState, TeamEvent>({
  initialState: initialTeamState,
  evolve: evolveTeam,
  decide: decideTeam,
});

const register = (overrides: Partial<RegisterTeam> = {}): RegisterTeam => ({
  type: 'RegisterTeam',
  teamId: 'sales',
  name: 'Sales',
  impactThreshold: 0.5,
  paralysisLimitDays: 21,
  now: NOW,
  ...overrides,
});
const add = (memberId: string, overrides: Partial<AddTeamMember> = {}): AddTeamMember => ({
  type: 'AddTeamMember',
  teamId: 'sales',
  memberId,
  name: `Name of ${memberId}`,
  role: 'IC',
  managerId: null,
  now: NOW,
  ...overrides,
});
const remove = (memberId: string): RemoveTeamMember => ({
  type: 'RemoveTeamMember',
  teamId: 'sales',
  memberId,
  now: NOW,
});

const registered: TeamRegistered = {
  type: 'TeamRegistered',
  data: { teamId: 'sales', name: 'Sales', impactThreshold: 0.5, paralysisLimitDays: 21, registeredAt: NOW },
};
const member = (memberId: string, role: TeamMemberAdded['data']['role'], managerId: string | null = null) =>
  ({
    type: 'TeamMemberAdded',
    data: { teamId: 'sales', memberId, name: `Name of ${memberId}`, role, managerId, addedAt: NOW },
  }) satisfies TeamMemberAdded;

describe('registering a team', () => {
  it('records the team with its trimmed name, threshold and paralysis limit', () => {
    given([])
      .when(register({ name: '  Sales  ', impactThreshold: 0.3, paralysisLimitDays: 14 }))
      .then([
        {
          type: 'TeamRegistered',
          data: { teamId: 'sales', name: 'Sales', impactThreshold: 0.3, paralysisLimitDays: 14, registeredAt: NOW },
        },
      ]);
  });

  it('defaults the impact threshold to 0.5 and the paralysis limit to 21 days', () => {
    given([])
      .when(register({ impactThreshold: undefined, paralysisLimitDays: undefined }))
      .then([registered]);
  });

  it('accepts a threshold of exactly 1', () => {
    expect(
      given([])
        .when(register({ impactThreshold: 1 }))
        .events(),
    ).toHaveLength(1);
  });

  it('TeamAlreadyRegistered: a team id is registered once', () => {
    given([registered]).when(register()).thenThrows('TeamAlreadyRegistered', 'teamId');
  });

  it.each(['', '   ', 'x'.repeat(121)])('TeamNameLength: the name %j is refused', (name) => {
    given([]).when(register({ name })).thenThrows('TeamNameLength', 'name');
  });

  it.each([0, -0.1, 1.01, Number.NaN])('ImpactThresholdOutOfRange: %s is not in (0, 1]', (impactThreshold) => {
    given([]).when(register({ impactThreshold })).thenThrows('ImpactThresholdOutOfRange', 'impactThreshold');
  });

  it.each([0, -3, 2.5])('ParalysisLimitOutOfRange: %s is not a whole number of days ≥ 1', (paralysisLimitDays) => {
    given([]).when(register({ paralysisLimitDays })).thenThrows('ParalysisLimitOutOfRange', 'paralysisLimitDays');
  });
});

describe('adding a team member', () => {
  it('records the member with role and line manager', () => {
    given([registered, member('maria', 'MANAGER')])
      .when(add('ivan', { name: ' Ivan ', managerId: 'maria' }))
      .then([
        {
          type: 'TeamMemberAdded',
          data: { teamId: 'sales', memberId: 'ivan', name: 'Ivan', role: 'IC', managerId: 'maria', addedAt: NOW },
        },
      ]);
  });

  it('accepts a director as line manager', () => {
    expect(
      given([registered, member('dora', 'DIRECTOR')])
        .when(add('maria', { role: 'MANAGER', managerId: 'dora' }))
        .events(),
    ).toEqual([member('maria', 'MANAGER', 'dora')]);
  });

  it('accepts someone who left and comes back', () => {
    const left = { type: 'TeamMemberRemoved', data: { teamId: 'sales', memberId: 'ivan', removedAt: NOW } } as const;
    given([registered, member('ivan', 'IC'), left])
      .when(add('ivan'))
      .then([member('ivan', 'IC')]);
  });

  it('TeamNotRegistered: no members for a team that does not exist', () => {
    given([]).when(add('ivan')).thenThrows('TeamNotRegistered');
  });

  it('UnknownRole: a member is a DIRECTOR, MANAGER or IC', () => {
    given([registered])
      .when(add('ivan', { role: 'INTERN' as never }))
      .thenThrows('UnknownRole', 'role');
  });

  it('MemberAlreadyInTeam: no duplicate member', () => {
    given([registered, member('ivan', 'IC')])
      .when(add('ivan', { role: 'MANAGER' }))
      .thenThrows('MemberAlreadyInTeam');
  });

  it.each(['', ' ', 'y'.repeat(121)])('MemberNameLength: the name %j is refused', (name) => {
    given([registered]).when(add('ivan', { name })).thenThrows('MemberNameLength', 'name');
  });

  it('LineManagerMustLeadInTeam: the line manager must be a manager or director of the team', () => {
    given([registered, member('ana', 'IC')])
      .when(add('ivan', { managerId: 'ana' }))
      .thenThrows('LineManagerMustLeadInTeam', 'managerId');
    given([registered])
      .when(add('ivan', { managerId: 'nobody' }))
      .thenThrows('LineManagerMustLeadInTeam');
  });
});

describe('adding several members at once', () => {
  const batch = (...members: AddTeamMembers['members']): AddTeamMembers => ({
    type: 'AddTeamMembers',
    teamId: 'sales',
    members,
    now: NOW,
  });
  const row = (memberId: string, overrides: Partial<AddTeamMembers['members'][number]> = {}) => ({
    memberId,
    name: `Name of ${memberId}`,
    role: 'IC' as const,
    managerId: null,
    ...overrides,
  });
  const refusalOf = (history: TeamEvent[], command: AddTeamMembers): RowRefused => {
    try {
      given(history).when(command).events();
    } catch (error) {
      expect(error).toBeInstanceOf(RowRefused);
      return error as RowRefused;
    }
    throw new Error('the batch was accepted');
  };

  it('adds every member in order; a line manager may be added earlier in the same batch', () => {
    given([registered])
      .when(batch(row('maria', { role: 'MANAGER' }), row('ivan', { managerId: 'maria' })))
      .then([member('maria', 'MANAGER'), member('ivan', 'IC', 'maria')]);
  });

  it('refuses the whole batch at a member named twice, naming the second row', () => {
    const refused = refusalOf([registered], batch(row('ivan'), row('ana'), row('ivan')));
    expect(refused).toMatchObject({ row: 2, field: 'members.2.memberId', rule: 'MemberAlreadyInTeam' });
  });

  it('refuses the whole batch at a row that breaks any rule of adding one member', () => {
    expect(refusalOf([registered, member('ivan', 'IC')], batch(row('ana'), row('ivan')))).toMatchObject({
      row: 1,
      rule: 'MemberAlreadyInTeam',
    });
    expect(refusalOf([registered], batch(row('ana', { name: ' ' })))).toMatchObject({
      row: 0,
      field: 'members.0.name',
      rule: 'MemberNameLength',
    });
    expect(refusalOf([registered], batch(row('ana'), row('leo', { managerId: 'ana' })))).toMatchObject({
      row: 1,
      field: 'members.1.managerId',
      rule: 'LineManagerMustLeadInTeam',
    });
  });

  it('TeamNotRegistered: concerns the batch, not a row', () => {
    given([])
      .when(batch(row('ivan')))
      .thenThrows('TeamNotRegistered');
  });
});

describe('removing a team member', () => {
  it('records the departure', () => {
    given([registered, member('ivan', 'IC')])
      .when(remove('ivan'))
      .then([{ type: 'TeamMemberRemoved', data: { teamId: 'sales', memberId: 'ivan', removedAt: NOW } }]);
  });

  it('TeamNotRegistered: nobody to remove from a team that does not exist', () => {
    given([]).when(remove('ivan')).thenThrows('TeamNotRegistered');
  });

  it('NotATeamMember: only a current member can be removed', () => {
    given([registered]).when(remove('ivan')).thenThrows('NotATeamMember', 'memberId');
    const left = { type: 'TeamMemberRemoved', data: { teamId: 'sales', memberId: 'ivan', removedAt: NOW } } as const;
    given([registered, member('ivan', 'IC'), left])
      .when(remove('ivan'))
      .thenThrows('NotATeamMember');
  });
});

describe('the team snapshot other aggregates read', () => {
  it('counts every current member but directors, and knows their roles in joining order', () => {
    const state = [
      registered,
      member('dora', 'DIRECTOR'),
      member('maria', 'MANAGER', 'dora'),
      member('ivan', 'IC', 'maria'),
      member('ana', 'IC', 'maria'),
      { type: 'TeamMemberRemoved', data: { teamId: 'sales', memberId: 'ana', removedAt: NOW } } as const,
    ].reduce<TeamState>(evolveTeam, initialTeamState);
    const snapshot = teamSnapshot(state);
    expect(snapshot).toMatchObject({ teamId: 'sales', headcount: 2, impactThreshold: 0.5, paralysisLimitDays: 21 });
    expect([...snapshot.members]).toEqual([
      ['dora', 'DIRECTOR'],
      ['maria', 'MANAGER'],
      ['ivan', 'IC'],
    ]);
  });

  it('does not exist for an unregistered team', () => {
    expect(() => teamSnapshot(initialTeamState)).toThrow();
  });
});
