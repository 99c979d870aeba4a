import { FormEvent, ReactNode, useEffect, useRef } from 'react';
import { ApiError } from '../api/graphql';
import { href } from '../router';
import { messageOf } from './problems';

/** What went wrong with a send, in words, with the way forward: reload on a conflict, send again when unsure. */
export function FormProblem({
  error,
  entity,
  onReload,
}: {
  error: ApiError;
  /** What the form changes, as a director calls it: "initiative", "team". */
  entity: string;
  onReload?: () => void;
}) {
  let title: string;
  let detail: ReactNode = messageOf(error);
  switch (error.code) {
    case 'CONFLICT':
      title = `Someone else changed this ${entity} meanwhile`;
      detail = `Nothing was recorded. Reload the ${entity} to see what changed; what you typed stays here.`;
      break;
    case 'DOMAIN_RULE':
      title = 'Not recorded: this breaks a rule';
      break;
    case 'BAD_USER_INPUT':
      title = 'Not recorded: please correct the form';
      break;
    case 'FORBIDDEN':
      title = 'Not allowed for your role';
      break;
    case 'UNAUTHENTICATED':
      title = 'You are not signed in';
      detail = (
        <>
          Your token was refused ({error.message}). <a href={href({ page: 'signin' })}>Sign in again</a>; what you typed
          is lost when you leave this page.
        </>
      );
      break;
    case 'NOT_FOUND':
      title = 'Not found';
      break;
    default:
      title = 'Not confirmed by the service';
      detail = `${error.message}. Send it again: this form is recorded once however often it is sent.`;
  }
  return (
    <div className={`notice notice-error form-problem code-${error.code}`} role="alert" tabIndex={-1}>
      <strong>{title}</strong>
      <p>{detail}</p>
      {error.code === 'CONFLICT' && onReload && (
        <button type="button" onClick={onReload}>
          Reload {entity}
        </button>
      )}
    </div>
  );
}

/**
 * A form that sends one command: the problem above it, its fields, and a submit button named by the
 * verb of the action. After a failed send, focus goes to the first field at fault or to the problem.
 */
export function CommandForm({
  label,
  submitLabel,
  onSubmit,
  sending,
  problem,
  entity,
  onReload,
  disabledReason,
  cancelHref,
  onEdit,
  children,
}: {
  /** The form's accessible name, e.g. "Propose initiative". */
  label: string;
  submitLabel: string;
  onSubmit(): void;
  sending: boolean;
  /** An error not shown next to a field. */
  problem: ApiError | null;
  entity: string;
  onReload?: () => void;
  /** Why the form cannot be sent yet; the submit button is disabled while there is one. */
  disabledReason?: string | null;
  cancelHref?: string;
  /** Called as the person edits any field. */
  onEdit?: () => void;
  children: ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  const attempts = useRef(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempts.current += 1;
    onSubmit();
  };
  useEffect(() => {
    if (attempts.current === 0 || sending) return;
    const target = form.current?.querySelector<HTMLElement>('.form-problem, [aria-invalid="true"]');
    target?.focus();
  }, [sending, problem]);

  return (
    <form ref={form} className="command-form card" aria-label={label} onSubmit={submit} onInput={onEdit} noValidate>
      {problem && <FormProblem error={problem} entity={entity} onReload={onReload} />}
      {children}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={sending || Boolean(disabledReason)} aria-busy={sending}>
          {submitLabel}
        </button>
        {cancelHref && <a href={cancelHref}>Cancel</a>}
        <span className="muted small" role="status">
          {sending ? 'Sending…' : (disabledReason ?? '')}
        </span>
      </div>
    </form>
  );
}
