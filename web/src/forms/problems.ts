import { useState } from 'react';
import { ApiError } from '../api/graphql';

/** Where an error belongs on a form: next to a field, at a row of a list, or above the form. */
export interface Problems {
  /** Messages by the form's own field names. */
  byField: Record<string, string>;
  /** The row of a list input the service refused (`readings.3.value` → 3). */
  row: number | null;
  /** The broken rule's name, for forms that list their rules. */
  rule: string | null;
  /** What has no field of the form: shown above it. */
  general: ApiError | null;
}

const NONE: Problems = { byField: {}, row: null, rule: null, general: null };

/** The input field an error names: `extensions.field`, or the path of a value GraphQL could not read. */
export function fieldOf(error: ApiError): string | null {
  const field = error.errors[0]?.extensions?.field;
  if (typeof field === 'string') return field;
  const path = /at "input\.([\w.[\]]+)"/.exec(error.message)?.[1];
  return path ? path.replace(/\[(\d+)\]/g, '.$1') : null;
}

/** Sorts an error of the service onto the form whose fields are `fields`. */
export function problemsOf(error: ApiError | null, fields: readonly string[]): Problems {
  if (!error) return NONE;
  const extensions = error.errors[0]?.extensions ?? {};
  const rule = typeof extensions.rule === 'string' ? extensions.rule : null;
  const field = error.code === 'BAD_USER_INPUT' || error.code === 'DOMAIN_RULE' ? fieldOf(error) : null;
  const segments = field?.split('.') ?? [];
  const rowSegment = segments.find((part) => /^\d+$/.test(part));
  const row = typeof extensions.row === 'number' ? extensions.row : rowSegment ? Number(rowSegment) : null;
  const own =
    field === null ? null : fields.includes(field) ? field : fields.includes(segments[0]) ? segments[0] : null;
  if (own !== null && row === null) return { byField: { [own]: messageOf(error) }, row, rule, general: null };
  if (row !== null) return { byField: {}, row, rule, general: null };
  return { byField: {}, row: null, rule, general: error };
}

/** The message in words: a row refusal's message starts with its path, which the form says its own way. */
export function messageOf(error: ApiError): string {
  return error.message.replace(/^\w+\[\d+\]: /, '');
}

/**
 * The problems a form shows: what it found itself before sending, and what the service refused. Both
 * are forgotten as soon as the person edits the form, so a corrected field no longer shows its error.
 */
export function useChecks(
  command: { error: ApiError | null; sending: boolean; forgetRefusal(): void },
  fields: readonly string[],
) {
  const [checked, setChecked] = useState<Record<string, string>>({});
  const problems = problemsOf(command.error, fields);
  const onEdit = () => {
    setChecked((current) => (Object.keys(current).length ? {} : current));
    command.forgetRefusal();
  };
  return {
    problems,
    /** What the form frame shows of it: sending, the problem above the fields, and forgetting on edit. */
    form: { sending: command.sending, problem: problems.general, onEdit },
    errors: { ...problems.byField, ...checked } as Record<string, string | undefined>,
    /** Shows what the form found wrong; true when nothing was, and the form may be sent. */
    check(found: Record<string, string>): boolean {
      setChecked(found);
      return Object.keys(found).length === 0;
    },
    onEdit,
  };
}
