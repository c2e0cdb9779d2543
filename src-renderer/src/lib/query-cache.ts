import { ApiError } from '../../../src-shared/errors';

/**
 * A small query cache keyed by method + input, one per contract map (the
 * store's, HQ's), holding no React: the store's entry module starts the
 * session query with it before React has loaded (cold start,
 * docs/benchmarks.md); query-client.ts adds the hooks. Mutations do not patch
 * it: the methods they made stale (the contract's `invalidates`) are marked
 * with `invalidate` and every mounted query of those methods refetches. The
 * store's backend announces them to every window and tablet; HQ's client
 * marks them after its own writes.
 */

/** A contract map as the client sees it: each method's input and output. */
export type MethodTypes = Record<string, { input: unknown; output: unknown }>;

export interface Entry {
  method: string;
  input: unknown;
  data: unknown;
  error: ApiError | null;
  loading: boolean;
  listeners: Set<() => void>;
  inflight: Promise<void> | null;
  /** Made stale while a request was on its way: that answer may predate the change, so ask again. */
  again: boolean;
  version: number;
}

export type Caller = (method: string, input: unknown) => Promise<unknown>;

export interface QueryCache<T extends MethodTypes> {
  readonly call: Caller;
  keyOf(method: string, input: unknown): string;
  /** The entry of a key if it is cached. */
  get(key: string): Entry | undefined;
  /** The entry of a method + input, made when missing. */
  entryFor(method: string, input: unknown): Entry;
  load(entry: Entry): Promise<void>;
  /** Marks methods stale ('*' = everything): mounted queries refetch, the rest are dropped. */
  invalidate(methods: readonly string[]): void;
  /** For data kept outside this cache (a server-side grid's blocks): runs `run` when any of `methods` goes stale. */
  onInvalidate(methods: readonly string[], run: () => void): () => void;
  /**
   * Starts a query before any component asks for it: the session is requested
   * while React renders its first frame, not after (cold start, docs/benchmarks.md).
   */
  prefetch<M extends keyof T & string>(method: M, input: T[M]['input']): void;
  /**
   * Keeps a query loaded and calls `listener` whenever it changes: useQuery's
   * subscription without React (tests, and code outside components).
   */
  watchQuery<M extends keyof T & string>(
    method: M,
    input: T[M]['input'],
    listener: () => void,
  ): { read(): { data: T[M]['output'] | undefined; error: ApiError | null; loading: boolean }; stop(): void };
  clearQueries(): void;
}

const keyOf = (method: string, input: unknown): string => `${method}:${JSON.stringify(input ?? {})}`;

function notify(entry: Entry): void {
  entry.version++;
  for (const l of entry.listeners) l();
}

export function createQueryCache<T extends MethodTypes>(call: Caller): QueryCache<T> {
  const cache = new Map<string, Entry>();
  const invalidationListeners = new Set<{ methods: readonly string[]; run: () => void }>();

  function load(entry: Entry): Promise<void> {
    if (entry.inflight) return entry.inflight;
    entry.loading = true;
    notify(entry);
    entry.inflight = call(entry.method, entry.input)
      .then(
        (data) => {
          entry.data = data;
          entry.error = null;
        },
        (err: unknown) => {
          entry.error = err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: String(err) });
        },
      )
      .finally(() => {
        entry.loading = false;
        entry.inflight = null;
        if (entry.again) {
          entry.again = false;
          void load(entry);
          return;
        }
        notify(entry);
      });
    return entry.inflight;
  }

  function entryFor(method: string, input: unknown): Entry {
    const key = keyOf(method, input);
    let entry = cache.get(key);
    if (!entry) {
      entry = {
        method,
        input,
        data: undefined,
        error: null,
        loading: false,
        listeners: new Set(),
        inflight: null,
        again: false,
        version: 0,
      };
      cache.set(key, entry);
    }
    return entry;
  }

  return {
    call,
    keyOf,
    get: (key) => cache.get(key),
    entryFor,
    load,
    invalidate(methods) {
      const all = methods.includes('*');
      for (const l of invalidationListeners) if (all || l.methods.some((m) => methods.includes(m))) l.run();
      for (const [key, entry] of cache) {
        if (!all && !methods.includes(entry.method)) continue;
        if (!entry.listeners.size) cache.delete(key);
        else if (entry.inflight) entry.again = true;
        else void load(entry);
      }
    },
    onInvalidate(methods, run) {
      const l = { methods, run };
      invalidationListeners.add(l);
      return () => invalidationListeners.delete(l);
    },
    prefetch(method, input) {
      const entry = entryFor(method, input);
      if (entry.data === undefined && !entry.inflight) void load(entry);
    },
    watchQuery(method, input, listener) {
      const entry = entryFor(method, input);
      entry.listeners.add(listener);
      if (entry.data === undefined && !entry.error && !entry.inflight) void load(entry);
      return {
        read: () => ({
          data: entry.data as T[typeof method]['output'] | undefined,
          error: entry.error,
          loading: entry.loading,
        }),
        stop: () => entry.listeners.delete(listener),
      };
    },
    clearQueries() {
      cache.clear();
    },
  };
}
