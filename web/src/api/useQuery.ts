import { useCallback, useEffect, useState } from 'react';
import { graphql, Variables } from './graphql';
import { onWrite } from './writes';
import { useSession } from '../session';

export interface QueryState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a query with the signed-in token whenever the query or its variables change, and again after
 * every write made from this tab (keeping the figures on screen meanwhile); `skip` holds it back.
 */
export function useQuery<T>(
  query: string | null,
  variables: Variables = {},
  options: { skip?: boolean } = {},
): QueryState<T> {
  const { session } = useSession();
  const token = session?.token ?? null;
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: !options.skip && query !== null,
  });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  useEffect(() => onWrite(reload), [reload]);

  useEffect(() => {
    if (options.skip || query === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    graphql<T>(query, JSON.parse(key) as Variables, token, controller.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if ((error as Error)?.name === 'AbortError') return;
        setState({ data: null, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [query, key, token, nonce, options.skip]);

  return { ...state, reload };
}
