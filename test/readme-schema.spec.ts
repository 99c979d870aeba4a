import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { queryExamples } from './support/readme-examples';

const schema = buildSchema(readFileSync(join(resolve(__dirname, '..'), 'schema.gql'), 'utf8'));

describe("the README's GraphQL examples", () => {
  const examples = queryExamples();

  it('include the webhook mutation and the deliveries query', () => {
    const queries = examples.map((example) => example.query);
    expect(queries.some((query) => query.includes('createWebhook('))).toBe(true);
    expect(queries.some((query) => query.includes('webhookDeliveries('))).toBe(true);
  });

  it.each(examples.map((example) => [example.name, example.query]))(
    '%s is valid against schema.gql',
    (_name, query) => {
      expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    },
  );
});
