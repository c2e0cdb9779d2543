import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiError } from '../../../src-shared/errors';
import { createQueryCache, type Caller, type Entry, type MethodTypes, type QueryCache } from './query-cache';

export type { MethodTypes } from './query-cache';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  refetch: () => Promise<void>;
}

export interface QueryHooks<T extends MethodTypes> {
  useQuery<M extends keyof T & string>(
    method: M,
    input: T[M]['input'],
    opts?: { enabled?: boolean },
  ): QueryState<T[M]['output']>;
  /** Runs a mutation; `pending` drives the button's spinner. Errors are rethrown for the caller to show. */
  useMutation<M extends keyof T & string>(
    method: M,
  ): { mutate: (input: T[M]['input']) => Promise<T[M]['output']>; pending: boolean };
}

/** React's view of a query cache: a component re-renders when its query's entry changes. */
export function queryHooks<T extends MethodTypes>(q: QueryCache<T>): QueryHooks<T> {
  function useQuery<M extends keyof T & string>(
    method: M,
    input: T[M]['input'],
    opts: { enabled?: boolean } = {},
  ): QueryState<T[M]['output']> {
    const enabled = opts.enabled ?? true;
    const key = q.keyOf(method, input);
    const entryRef = useRef<Entry | null>(null);
    const entry = q.entryFor(method, input);
    entryRef.current = entry;
    const subscribe = useCallback(
      (l: () => void) => {
        const e = q.get(key) ?? entryRef.current!;
        e.listeners.add(l);
        return () => e.listeners.delete(l);
      },
      [key],
    );
    useSyncExternalStore(subscribe, () => entryRef.current!.version);
    useEffect(() => {
      const e = entryRef.current!;
      if (enabled && e.data === undefined && !e.error && !e.inflight) void q.load(e);
    }, [key, enabled]);
    const refetch = useCallback(() => q.load(entryRef.current!), []);
    return {
      data: entry.data as T[M]['output'] | undefined,
      error: entry.error,
      loading: entry.loading || (enabled && entry.data === undefined && !entry.error),
      refetch,
    };
  }

  function useMutation<M extends keyof T & string>(method: M) {
    const [pending, setPending] = useState(false);
    const mutate = useCallback(
      async (input: T[M]['input']): Promise<T[M]['output']> => {
        setPending(true);
        try {
          return (await q.call(method, input)) as T[M]['output'];
        } finally {
          setPending(false);
        }
      },
      [method],
    );
    return { mutate, pending };
  }

  return { useQuery, useMutation };
}

export type QueryClient<T extends MethodTypes> = QueryCache<T> & QueryHooks<T>;

/** A cache and its hooks over one contract map's caller. */
export function createQueryClient<T extends MethodTypes>(call: Caller): QueryClient<T> {
  const cache = createQueryCache<T>(call);
  return { ...cache, ...queryHooks(cache) };
}
