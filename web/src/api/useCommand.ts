import { useCallback, useRef, useState } from 'react';
import { useSession } from '../session';
import { ApiError, graphql } from './graphql';
import { Sender } from './mutations';
import { announceWrite } from './writes';

/** A commandId the service has never seen; made without `crypto.randomUUID`, which plain-HTTP pages lack. */
export function newCommandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const REFUSALS_OF_INPUT = new Set(['BAD_USER_INPUT', 'DOMAIN_RULE']);

/** How a send ended: the mutation's answer, or ACCEPTED (the write landed; the read models show it shortly). */
export type Sent<Answer> = { answer: Answer; accepted: false } | { answer: null; accepted: true };

export interface CommandState<Input, Answer> {
  /** Sends the command; resolves null when it was refused or could not be confirmed (see `error`). */
  send(input: Input): Promise<Sent<Answer> | null>;
  sending: boolean;
  error: ApiError | null;
  clearError(): void;
  /** Forgets a refusal of what the form said (bad input, a broken rule) once the person edits it. */
  forgetRefusal(): void;
}

/**
 * Sends one kind of command. A submission keeps its commandId until the service confirms it, so a
 * double click, or sending the same form again after a network error, records it once; changing
 * what the form says makes it a new submission with a new commandId.
 */
export function useCommand<Input extends Sender, Answer>(mutation: string, field: string): CommandState<Input, Answer> {
  const { session } = useSession();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef(false);
  const submission = useRef<{ content: string; commandId: string } | null>(null);

  const send = useCallback(
    async (input: Input): Promise<Sent<Answer> | null> => {
      if (inFlight.current) return null;
      const content = JSON.stringify(input);
      if (submission.current?.content !== content) submission.current = { content, commandId: newCommandId() };
      const commandId = submission.current.commandId;
      inFlight.current = true;
      setSending(true);
      setError(null);
      try {
        const data = await graphql<Record<string, Answer>>(
          mutation,
          { input: { ...input, commandId } },
          session?.token ?? null,
        );
        submission.current = null;
        announceWrite();
        return { answer: data[field], accepted: false };
      } catch (caught) {
        const failure = caught instanceof ApiError ? caught : new ApiError(String(caught), 'NETWORK');
        if (failure.code === 'ACCEPTED') {
          submission.current = null;
          announceWrite();
          return { answer: null, accepted: true };
        }
        setError(failure);
        return null;
      } finally {
        inFlight.current = false;
        setSending(false);
      }
    },
    [mutation, field, session?.token],
  );

  const clearError = useCallback(() => setError(null), []);
  const forgetRefusal = useCallback(
    () => setError((current) => (current && REFUSALS_OF_INPUT.has(current.code) ? null : current)),
    [],
  );
  return { send, sending, error, clearError, forgetRefusal };
}
