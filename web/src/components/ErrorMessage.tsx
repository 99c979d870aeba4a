import { ApiError, explainError } from '../api/graphql';
import { navigate } from '../router';
import { useSession } from '../session';

export function ErrorMessage({ error, context }: { error: unknown; context?: string }) {
  const { signOut } = useSession();
  const { title, detail, code } = explainError(error);
  const unauthenticated = error instanceof ApiError && error.code === 'UNAUTHENTICATED';
  return (
    <div className={`notice notice-error code-${code}`} role="alert">
      <strong>
        {title}
        {context ? ` — ${context}` : ''}
      </strong>
      <p>{detail}</p>
      {unauthenticated && (
        <button
          type="button"
          onClick={() => {
            void signOut().then(() => navigate({ page: 'signin' }));
          }}
        >
          Sign in again
        </button>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}
