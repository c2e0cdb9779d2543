import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api';
import type { ApiError } from '../../../src-shared/errors';
import { call } from './api';
import { cache, entryFor, keyOf, load, type Entry } from './query-cache';

// The cache itself holds no React (the entry module starts the session query with it before React loads).
export { clearQueries, invalidate, onInvalidate, prefetch, watchQuery } from './query-cache';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  refetch: () => Promise<void>;
}

export function useQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  opts: { enabled?: boolean } = {},
): QueryState<MethodOutput<M>> {
  const enabled = opts.enabled ?? true;
  const key = keyOf(method, input);
  const entryRef = useRef<Entry | null>(null);
  const entry = entryFor(method, input);
  entryRef.current = entry;
  const subscribe = useCallback(
    (l: () => void) => {
      const e = cache.get(key) ?? entryRef.current!;
      e.listeners.add(l);
      return () => e.listeners.delete(l);
    },
    [key],
  );
  useSyncExternalStore(subscribe, () => entryRef.current!.version);
  useEffect(() => {
    const e = entryRef.current!;
    if (enabled && e.data === undefined && !e.error && !e.inflight) void load(e);
  }, [key, enabled]);
  const refetch = useCallback(() => load(entryRef.current!), []);
  return {
    data: entry.data as MethodOutput<M> | undefined,
    error: entry.error,
    loading: entry.loading || (enabled && entry.data === undefined && !entry.error),
    refetch,
  };
}

/** Runs a mutation; `pending` drives the button's spinner. Errors are rethrown for the caller to show. */
export function useMutation<M extends MethodName>(method: M) {
  const [pending, setPending] = useState(false);
  const mutate = useCallback(
    async (input: MethodInput<M>): Promise<MethodOutput<M>> => {
      setPending(true);
      try {
        return await call(method, input);
      } finally {
        setPending(false);
      }
    },
    [method],
  );
  return { mutate, pending };
}
