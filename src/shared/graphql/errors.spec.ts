import { GraphQLError } from 'graphql';
import { Forbidden } from '../auth/authorization';
import { NotFound } from '../domain/not-found';
import { RowRefused, RuleBroken } from '../domain/rule-broken';
import { WriteNotYetVisible } from '../projections/read-models';
import { ConcurrencyError, EventStoreUnavailableError } from '../event-store/event-store.port';
import { badUserInput, formatError } from './errors';

/** What Apollo hands formatError for an error thrown inside a resolver. */
function fromResolver(error: Error) {
  const wrapped = new GraphQLError(error.message, { originalError: error, path: ['field'] });
  return { formatted: wrapped.toJSON(), wrapped };
}

describe('formatError', () => {
  it('masks an unexpected error for the client and hands the original to the operator', () => {
    const fault = new TypeError("Cannot read properties of undefined (reading 'secret')");
    const { formatted, wrapped } = fromResolver(fault);
    const masked: unknown[] = [];
    const answer = formatError(formatted, wrapped, (error) => masked.push(error));
    expect(answer).toEqual({
      message: 'Internal server error',
      path: ['field'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(masked).toEqual([fault]);
  });

  it('passes known errors to the client with their code and logs nothing', () => {
    const masked: unknown[] = [];
    const onMasked = (error: unknown) => masked.push(error);
    const rule = fromResolver(new RuleBroken('PilotOwnerMustBeManager', 'The owner must be a manager', 'ownerId'));
    expect(formatError(rule.formatted, rule.wrapped, onMasked).extensions).toEqual({
      code: 'DOMAIN_RULE',
      rule: 'PilotOwnerMustBeManager',
      field: 'ownerId',
    });
    const conflict = fromResolver(new ConcurrencyError('initiative-a', 3, 4));
    expect(formatError(conflict.formatted, conflict.wrapped, onMasked).extensions).toEqual({
      code: 'CONFLICT',
      expectedVersion: 3,
      actualVersion: 4,
    });
    const away = fromResolver(new EventStoreUnavailableError('EventStoreDB is unavailable (14 UNAVAILABLE: refused)'));
    const unavailable = formatError(away.formatted, away.wrapped, onMasked);
    expect(unavailable.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(unavailable.message).not.toContain('14 UNAVAILABLE');
    expect(masked).toEqual([]);
  });

  it('refuses a batch as bad input at the row that breaks a rule, naming the row, its field and the rule', () => {
    const broken = new RuleBroken('ParticipantNotInCohort', 'ivan is not in the control cohort', 'participantId');
    const { formatted, wrapped } = fromResolver(new RowRefused('readings', 3, broken));
    expect(formatError(formatted, wrapped)).toEqual({
      message: 'readings[3]: ivan is not in the control cohort',
      path: ['field'],
      extensions: { code: 'BAD_USER_INPUT', field: 'readings.3.participantId', row: 3, rule: 'ParticipantNotInCohort' },
    });
  });

  it('names the row of an invalid list item found by input validation', () => {
    const invalid = badUserInput('members.12.role', 'role must be one of the following values: DIRECTOR, MANAGER, IC');
    expect(formatError(invalid.toJSON(), invalid).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'members.12.role',
      row: 12,
    });
    const plain = badUserInput('name', 'name must be longer than or equal to 1 characters');
    expect(formatError(plain.toJSON(), plain).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('maps the domain and application errors of the write path to their codes, never masking them', () => {
    const masked: unknown[] = [];
    const format = (error: Error) => {
      const { formatted, wrapped } = fromResolver(error);
      return formatError(formatted, wrapped, (e) => masked.push(e));
    };
    expect(format(new NotFound('initiative', 'nope'))).toEqual({
      message: 'No initiative with id "nope"',
      path: ['field'],
      extensions: { code: 'NOT_FOUND', entity: 'initiative', id: 'nope' },
    });
    expect(format(new Forbidden('Only a director may launchPilot')).extensions).toEqual({ code: 'FORBIDDEN' });
    const accepted = format(
      new WriteNotYetVisible({ entity: 'initiative', id: 'i-1', version: 7, position: '42' }, 5000),
    );
    expect(accepted.extensions).toEqual({
      code: 'ACCEPTED',
      entity: 'initiative',
      id: 'i-1',
      version: 7,
      position: '42',
    });
    expect(accepted.message).toMatch(/recorded \(version 7\).*retry with the same commandId/);
    expect(masked).toEqual([]);
  });
});
