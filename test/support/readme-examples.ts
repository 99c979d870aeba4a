import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FieldNode, Kind, OperationDefinitionNode, parse, valueFromASTUntyped } from 'graphql';

const README = join(resolve(__dirname, '..', '..'), 'README.md');

interface Fence {
  lang: string;
  body: string;
  start: number;
  end: number;
}

/** A GraphQL request of the README (a curl body, or a graphql block with its variables) and the answer shown after it. */
export interface QueryExample {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The JSON the README shows right after it, when it shows one. */
  answer?: unknown;
}

/** A command of the README with the output shown right after it. */
export interface CommandExample {
  command: string;
  args: string[];
  output: string;
}

function fences(text: string): Fence[] {
  const found: Fence[] = [];
  const pattern = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push({ lang: match[1], body: match[2], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

function curlBodies(shell: string): Array<{ query: string; variables?: Record<string, unknown> }> {
  const joined = shell.replace(/\\\n\s*/g, ' ');
  return [...joined.matchAll(/curl [^\n]*?-d '([^']+)'/g)].map(
    (match) => JSON.parse(match[1]) as { query: string; variables?: Record<string, unknown> },
  );
}

export function readmeText(): string {
  return readFileSync(README, 'utf8');
}

/** Every curl request and every graphql block (with the `Variables:` after it), with the answers shown. */
export function queryExamples(text = readmeText()): QueryExample[] {
  const all = fences(text);
  const examples: QueryExample[] = [];
  all.forEach((fence, index) => {
    const next = all[index + 1] as Fence | undefined;
    if (fence.lang === 'sh') {
      const bodies = curlBodies(fence.body);
      const shownAnswer = next?.lang === 'json' && bodies.length === 1 && !fence.body.includes('| jq');
      for (const body of bodies) {
        examples.push({
          name: body.query.replace(/\s+/g, ' ').slice(0, 70),
          query: body.query,
          variables: body.variables ?? {},
          answer: shownAnswer ? JSON.parse(next.body) : undefined,
        });
      }
    }
    if (fence.lang === 'graphql') {
      const prose = text.slice(fence.end, next?.start ?? text.length);
      const variables = /Variables: `([^`]+)`/.exec(prose);
      examples.push({
        name: fence.body.split('\n')[0],
        query: fence.body,
        variables: variables ? (JSON.parse(variables[1]) as Record<string, unknown>) : {},
        answer: next?.lang === 'json' ? JSON.parse(next.body) : undefined,
      });
    }
  });
  return examples;
}

/** Each one-line `npm run -s <script> -- ...` block followed by a plain block: the output it prints. */
export function commandExamples(text = readmeText()): CommandExample[] {
  const all = fences(text);
  const examples: CommandExample[] = [];
  all.forEach((fence, index) => {
    const next = all[index + 1] as Fence | undefined;
    const lines = fence.body.trim().split('\n');
    if (fence.lang !== 'sh' || lines.length !== 1 || next?.lang !== '') return;
    const command = /^npm run -s (\w+)(?: -- (.*))?$/.exec(lines[0]);
    if (!command) return;
    examples.push({ command: command[1], args: command[2]?.split(/\s+/) ?? [], output: next.body });
  });
  return examples;
}

/** Every instant the README passes as `asOf`, in queries and in variables. */
export function asOfInstants(text = readmeText()): string[] {
  return [...text.matchAll(/asOf(?:\\?"|")?\s*:\s*\\?"(\d{4}-\d\d-\d\dT[\d:.]+Z)\\?"/g)].map((match) => match[1]);
}

/** A mutation of the README: which one, and the input it sends (variables filled in). */
export interface WriteExample {
  mutation: string;
  input: unknown;
}

/** The write an example sends, or null for a query. */
export function writeOf(example: QueryExample): WriteExample | null {
  const operation = parse(example.query).definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation?.operation !== 'mutation') return null;
  const field = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD)!;
  const input = field.arguments?.find((argument) => argument.name.value === 'input');
  return { mutation: field.name.value, input: input && valueFromASTUntyped(input.value, example.variables) };
}
