import { initiativeActions, mayRegisterTeam, teamActions } from '../../web/src/actions';
import type { Initiative } from '../../web/src/api/queries';
import {
  parseBlock,
  parseNumber,
  parseReadingsCsv,
  parseRoster,
  periodsOf,
  periodStartOf,
  splitLine,
} from '../../web/src/forms/parse';
import { problemsOf } from '../../web/src/forms/problems';
import { ApiError } from '../../web/src/api/graphql';

describe('what the dashboard reads from a paste or a file', () => {
  it('reads numbers as people type them, and nothing else', () => {
    expect(['12', ' 12.5 ', '12,5', '-3', '1e2', '.5'].map(parseNumber)).toEqual([12, 12.5, 12.5, -3, 100, 0.5]);
    expect(['', 'twelve', '12a', '1,2,3', 'NaN', 'Infinity'].map(parseNumber)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('splits CSV lines on their separator, keeping quoted separators', () => {
    expect(splitLine('a, "b, c" ,d')).toEqual(['a', 'b, c', 'd']);
    expect(splitLine('a;b;"say ""hi"""')).toEqual(['a', 'b', 'say "hi"']);
    expect(splitLine('Ana Lima\tana\tIC')).toEqual(['Ana Lima', 'ana', 'IC']);
    expect(parseBlock('1\t2\n3\t4\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads a pasted roster and says which lines it refused and why', () => {
    const team = [{ id: 'dana', role: 'DIRECTOR' as const }];
    const { rows, refused } = parseRoster(
      [
        'name, id, role, line manager',
        'Maya Ortiz, maya, manager, dana',
        'Ivan Petrov\tivan\tIC\tmaya',
        'Ana Lima; ana; rep',
        'Leo, leo',
        'Zoe, zoe, intern',
        'Kim, kim!, IC',
        'Ivan Again, ivan, IC',
        'Eli, eli, IC, ivan',
        '',
      ].join('\n'),
      team,
    );
    expect(rows).toEqual([
      { line: 2, name: 'Maya Ortiz', memberId: 'maya', role: 'MANAGER', managerId: 'dana' },
      { line: 3, name: 'Ivan Petrov', memberId: 'ivan', role: 'IC', managerId: 'maya' },
      { line: 4, name: 'Ana Lima', memberId: 'ana', role: 'IC' },
    ]);
    expect(refused.map((r) => [r.line, r.reason])).toEqual([
      [5, 'no role: write director, manager or IC'],
      [6, '“intern” is not a role: write director, manager or IC'],
      [7, '“kim!” is not an id: use letters, digits, ".", "_", ":" or "-", starting with a letter or digit'],
      [8, 'ivan is already a member of the team'],
      [9, 'the line manager ivan is not a manager or director of the team'],
    ]);
  });

  it('lays periods out by cadence, in UTC', () => {
    expect(periodStartOf('2026-01-14T22:00:00Z', 'WEEKLY')).toBe('2026-01-12');
    expect(periodStartOf('2026-01-11T10:00:00Z', 'WEEKLY')).toBe('2026-01-05');
    expect(periodStartOf('2026-02-17T10:00:00Z', 'MONTHLY')).toBe('2026-02-01');
    expect(periodsOf('2026-01-14T09:00:00Z', '2026-02-04T17:00:00Z', 'WEEKLY')).toEqual([
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
    ]);
    expect(periodsOf('2026-01-30T09:00:00Z', '2026-01-30T17:00:00Z', 'DAILY')).toEqual(['2026-01-30']);
  });

  it('reads readings from a CSV file by column names, refusing lines with reasons', () => {
    const people = [
      { id: 'ivan', name: 'Ivan Petrov', cohort: 'PILOT' as const },
      { id: 'leo', name: 'Leo Brandt', cohort: 'CONTROL' as const },
    ];
    const csv = [
      'person;value;period;cohort',
      'ivan;12,5;2026-01-12;pilot',
      'Leo Brandt;10;2026-01-12;CONTROL',
      'ivan;11;last week;pilot',
      'leo;9;2026-01-19;pilot',
      'nobody;9;2026-01-19;pilot',
      'ivan;lots;2026-01-19;pilot',
    ].join('\r\n');
    const { rows, refused } = parseReadingsCsv(csv, people);
    expect(rows).toEqual([
      { line: 2, period: '2026-01-12', cohort: 'PILOT', personId: 'ivan', value: 12.5 },
      { line: 3, period: '2026-01-12', cohort: 'CONTROL', personId: 'leo', value: 10 },
    ]);
    expect(refused.map((r) => r.reason)).toEqual([
      '“last week” is not a date such as 2026-01-12',
      'Leo Brandt is in the control cohort, not the pilot cohort',
      '“nobody” is in neither the pilot nor the control cohort',
      '“lots” is not a number',
    ]);
    expect(parseReadingsCsv('2026-01-12,pilot,ivan,3', people).rows).toHaveLength(1);
  });
});

describe('where an error of the service shows on a form', () => {
  const error = (code: string, extensions: Record<string, unknown>, message = 'm') =>
    new ApiError(message, code, [{ message, extensions: { code, ...extensions } }]);

  it('next to the field it names, at the row of a list, or above the form', () => {
    expect(
      problemsOf(error('DOMAIN_RULE', { field: 'potentialReach', rule: 'PotentialReachOutOfRange' }), [
        'potentialReach',
      ]),
    ).toMatchObject({
      byField: { potentialReach: 'm' },
      general: null,
      rule: 'PotentialReachOutOfRange',
    });
    expect(
      problemsOf(error('BAD_USER_INPUT', { field: 'readings.5.participantId', row: 5 }, 'readings[5]: x'), [
        'readings',
      ]),
    ).toMatchObject({ byField: {}, row: 5, general: null });
    const conflict = error('CONFLICT', {});
    expect(problemsOf(conflict, ['title']).general).toBe(conflict);
    const coercion = new ApiError(
      'Variable "$input" got invalid value "x" at "input.potentialReach"; Int cannot represent it',
      'BAD_USER_INPUT',
      [{ message: 'm', extensions: { code: 'BAD_USER_INPUT' } }],
    );
    expect(Object.keys(problemsOf(coercion, ['potentialReach']).byField)).toEqual(['potentialReach']);
  });
});

describe('the dashboard shows only the actions the role may take', () => {
  const session = (role: string, sub: string, teams: readonly string[] | '*' = ['t']) => ({ role, sub, teams });
  const members = [{ id: 'maya' }, { id: 'ivan' }, { id: 'dana' }];
  const initiative = (overrides: Partial<Initiative> = {}) => ({
    teamId: 't',
    status: 'PILOTING' as const,
    ownerId: 'maya',
    iterations: [],
    decisions: [],
    impact: { potentialReach: 2, headcount: 10, share: 0.2, recommendation: 'DIRECTOR_LED' as const },
    ...overrides,
  });
  const iteration = (number: number, completed: boolean) => ({
    number,
    change: 'c',
    startedAt: '2026-01-12T00:00:00Z',
    plannedEndAt: '2026-01-26T00:00:00Z',
    completedAt: completed ? '2026-01-26T00:00:00Z' : null,
    outcome: completed ? ('VALIDATED' as const) : null,
    learnings: completed ? 'l' : null,
    overdue: false,
  });

  it('a viewer and an auditor see none, on any team', () => {
    for (const role of ['VIEWER', 'AUDITOR'] as const) {
      expect(initiativeActions(session(role, 'dana'), initiative(), members)).toEqual([]);
      expect(teamActions(session(role, 'dana'), 't')).toEqual([]);
      expect(mayRegisterTeam(session(role, 'dana', '*'))).toBe(false);
    }
  });

  it('a director defines, launches, runs and decides; registers teams only with a token for all teams', () => {
    const dana = session('DIRECTOR', 'dana');
    expect(initiativeActions(dana, initiative({ status: 'DEFINED', ownerId: null }), members)).toEqual([
      'state-hypothesis',
      'define-success-metric',
      'launch-pilot',
      'give-feedback',
    ]);
    expect(initiativeActions(dana, initiative({ iterations: [iteration(1, true)] }), members)).toEqual([
      'start-iteration',
      'record-decision',
      'give-feedback',
    ]);
    expect(teamActions(dana, 't')).toEqual(['add-members', 'remove-member', 'propose-initiative']);
    expect(teamActions(dana, 'other')).toEqual([]);
    expect(mayRegisterTeam(dana)).toBe(false);
    expect(mayRegisterTeam(session('DIRECTOR', 'dana', '*'))).toBe(true);
  });

  it('a manager runs the pilots they own, and decides only on those delegated to a manager', () => {
    const maya = session('MANAGER', 'maya');
    expect(initiativeActions(maya, initiative({ iterations: [iteration(1, false)] }), members)).toEqual([
      'record-readings',
      'complete-iteration',
      'give-feedback',
    ]);
    const done = initiative({ iterations: [iteration(1, true)] });
    expect(initiativeActions(maya, done, members)).toEqual(['start-iteration', 'give-feedback']);
    const delegated = { ...done, impact: { ...done.impact, recommendation: 'DELEGATE_TO_MANAGER' as const } };
    expect(initiativeActions(maya, delegated, members)).toEqual([
      'start-iteration',
      'record-decision',
      'give-feedback',
    ]);
    expect(initiativeActions(session('MANAGER', 'omar'), done, [...members, { id: 'omar' }])).toEqual([
      'give-feedback',
    ]);
    expect(teamActions(maya, 't')).toEqual([]);
  });

  it('a contributor gives feedback, as a member of the team only', () => {
    expect(initiativeActions(session('CONTRIBUTOR', 'ivan'), initiative(), members)).toEqual(['give-feedback']);
    expect(initiativeActions(session('CONTRIBUTOR', 'stranger'), initiative(), members)).toEqual([]);
    expect(initiativeActions(session('CONTRIBUTOR', 'ivan', ['elsewhere']), initiative(), members)).toEqual([]);
  });
});
