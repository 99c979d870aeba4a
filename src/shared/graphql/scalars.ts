import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO 8601 date or date-time into its UTC ISO form; null when it is not one. */
export function parseIsoDateTime(value: unknown): string | null {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString();
}

function badDateTime(value: unknown): GraphQLError {
  return new GraphQLError(
    `DateTime must be an ISO 8601 date-time such as 2026-03-01T09:00:00Z, got ${JSON.stringify(value)}`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/** Date-times travel as ISO 8601 strings in UTC, inside the service and on the wire. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO 8601 date-time in UTC, e.g. 2026-03-01T09:00:00.000Z',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    const parsed = parseIsoDateTime(value);
    if (parsed === null) throw new GraphQLError('Not a date-time');
    return parsed;
  },
  parseValue(value) {
    const parsed = parseIsoDateTime(value);
    if (parsed === null) throw badDateTime(value);
    return parsed;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badDateTime('(not a string)');
    const parsed = parseIsoDateTime(ast.value);
    if (parsed === null) throw badDateTime(ast.value);
    return parsed;
  },
});

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    default:
      throw new GraphQLError('JSON literals cannot hold variables', { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: an event payload as it was stored',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
});
