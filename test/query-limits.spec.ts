import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  GraphQLError,
  GraphQLFormattedError,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { DEFAULT_QUERY_LIMITS, QueryLimits } from '../src/config/config';
import { formatError } from '../src/shared/graphql/errors';
import { queryLimitOptions } from '../src/shared/graphql/query-limits';
import * as dashboardWrites from '../web/src/api/mutations';
import * as dashboard from '../web/src/api/queries';
import { EXAMPLES, SAMPLE_IDS_QUERY } from '../web/explorer/examples';
import { initiativesAsOfQuery } from './support/aliased-queries';

const ROOT = join(__dirname, '..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));

/** What a client gets back for a query: the errors Apollo would answer, after formatError, or none. */
function check(query: string, limits: QueryLimits = DEFAULT_QUERY_LIMITS, production = false): GraphQLFormattedError[] {
  const options = queryLimitOptions(limits, { production });
  let document;
  try {
    document = parse(query, options.parseOptions);
  } catch (error) {
    return [asApollo(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
  }
  return validate(schema, document, [...specifiedRules, ...options.validationRules]).map((error) =>
    asApollo(error, 'GRAPHQL_VALIDATION_FAILED'),
  );
}

/** Apollo wraps request errors in its own class, keeping ours as the original error. */
function asApollo(error: GraphQLError, code: string): GraphQLFormattedError {
  const wrapped = new GraphQLError(error.message, {
    nodes: error.nodes,
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code },
  });
  return formatError(wrapped.toJSON(), wrapped);
}

/** Every `-d '{"query": ...}'` body, ```graphql block and inline `{ field(...) { ... } }` query of the README. */
function readmeQueries(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const bodies = [...readme.matchAll(/-d '(\{"query":.*?\})'/g)].map(
    (match) => (JSON.parse(match[1]) as { query: string }).query,
  );
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
  const inline = [...readme.matchAll(/`(\{ [a-zA-Z]+\(.*? \})`/g)].map((match) => match[1]);
  return [...bodies, ...blocks, ...inline];
}

function dashboardQueries(): Array<[string, string]> {
  const constants = [
    ...Object.entries(dashboard as Record<string, unknown>),
    ...Object.entries(dashboardWrites as Record<string, unknown>),
  ].filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /^(query|mutation) /.test(entry[1]));
  return [
    ...constants,
    ['initiativesAsOfQuery(100), time travel over a full list', initiativesAsOfQuery(100)],
    ...EXAMPLES.map((example): [string, string] => [`explorer: ${example.title}`, example.query]),
    ['explorer: sample ids', SAMPLE_IDS_QUERY],
    [
      'explorer: introspection',
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }),
    ],
  ];
}

describe('query limits leave every query the product sends alone', () => {
  it('finds the queries it checks', () => {
    expect(readmeQueries().length).toBeGreaterThanOrEqual(8);
    expect(dashboardQueries().length).toBeGreaterThanOrEqual(33);
  });

  it.each(dashboardQueries())('dashboard and explorer: %s', (_name, query) => {
    expect(check(query)).toEqual([]);
  });

  it.each(readmeQueries().map((query) => [query.slice(0, 60), query]))('README: %s...', (_name, query) => {
    expect(check(query)).toEqual([]);
  });

  it('README queries still pass read 500 at a time, the largest page', () => {
    for (const query of readmeQueries()) {
      expect(check(query.replace(/first: \d+/g, 'first: 500'))).toEqual([]);
    }
  });

  it('lets the 100 aliases of the time-travel query through, and one more is refused', () => {
    expect(check(initiativesAsOfQuery(100))).toEqual([]);
    expect(check(initiativesAsOfQuery(101))[0].extensions).toEqual({
      code: 'TOO_MANY_ALIASES',
      limit: 100,
      found: 101,
    });
  });
});

describe('query limits refuse abusive operations with a typed error', () => {
  const replay = `{ decisionReplay(decisionId: "d") { initiativeBefore { decisions { evidence {
    comparison { pilot { n } } } } } } }`;

  it('QUERY_TOO_DEEP with the limit and the depth found', () => {
    expect(check(replay, { ...DEFAULT_QUERY_LIMITS, maxDepth: 7 })).toEqual([]);
    const [error] = check(replay, { ...DEFAULT_QUERY_LIMITS, maxDepth: 6 });
    expect(error.message).toBe(
      'The query nests fields 7 levels deep; at most 6 are allowed. Ask for fewer nested fields',
    );
    expect(error.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 6, found: 7 });
  });

  it('QUERY_TOO_COSTLY for a page of heavy rows, with the cost found', () => {
    const query = `{ initiatives(first: 500) { edges { node { decisions { evidence {
      comparison { pilot { n mean sd } control { n mean sd } difference ciLow ciHigh pValue } } } } } } }`;
    const [error] = check(query);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 100000 });
    expect(error.extensions?.found).toBeGreaterThan(100000);
    expect(error.message).toMatch(/^The query would cost \d+; at most 100000 is allowed/);
  });

  it('TOO_MANY_ALIASES', () => {
    const query = `{ ${Array.from({ length: 3 }, (_, i) => `t${i}: teams { id }`).join(' ')} }`;
    expect(check(query, { ...DEFAULT_QUERY_LIMITS, maxAliases: 2 })[0].extensions).toEqual({
      code: 'TOO_MANY_ALIASES',
      limit: 2,
      found: 3,
    });
  });

  it('TOO_MANY_DIRECTIVES', () => {
    const query = `{ teams { id @include(if: true) name @skip(if: false) headcount @include(if: true) } }`;
    expect(check(query, { ...DEFAULT_QUERY_LIMITS, maxDirectives: 2 })[0].extensions).toEqual({
      code: 'TOO_MANY_DIRECTIVES',
      limit: 2,
      found: 3,
    });
  });

  it('TOO_MANY_TOKENS, counted by the parser before any validation', () => {
    const query = `{ teams { ${'id '.repeat(5000)}} }`;
    const [error] = check(query);
    expect(error.message).toBe(
      'The query is longer than 5000 tokens (names, punctuation and values); shorten it or split it into several requests',
    );
    expect(error.extensions).toEqual({ code: 'TOO_MANY_TOKENS', limit: 5000 });
  });

  it('keeps other parse and validation errors as they were', () => {
    expect(check('{ teams { id ')[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(check('{ teams { nam } }')[0]).toMatchObject({
      message: expect.stringMatching(/Did you mean "name"/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
