import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api';
import { ApiError } from '../../../src-shared/errors';
import { call } from './api';

/**
 * A small query cache keyed by method + input. Mutations do not patch it:
 * the backend announces which methods they made stale (the contract's
 * `invalidates`) and every mounted query of those methods refetches, in this
 * window and in every other window or tablet connected to the same store.
 */
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

export const cache = new Map<string, Entry>();

export function keyOf(method: string, input: unknown): string {
  return `${method}:${JSON.stringify(input ?? {})}`;
}

function notify(entry: Entry): void {
  entry.version++;
  for (const l of entry.listeners) l();
}

export function load(entry: Entry): Promise<void> {
  if (entry.inflight) return entry.inflight;
  entry.loading = true;
  notify(entry);
  entry.inflight = call(entry.method as MethodName, entry.input as never)
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

const invalidationListeners = new Set<{ methods: readonly string[]; run: () => void }>();

/** For data kept outside this cache (a server-side grid's blocks): runs `run` when any of `methods` goes stale. */
export function onInvalidate(methods: readonly string[], run: () => void): () => void {
  const l = { methods, run };
  invalidationListeners.add(l);
  return () => invalidationListeners.delete(l);
}

/** Marks methods stale ('*' = everything): mounted queries refetch, the rest are dropped. */
export function invalidate(methods: readonly string[]): void {
  const all = methods.includes('*');
  for (const l of invalidationListeners) if (all || l.methods.some((m) => methods.includes(m))) l.run();
  for (const [key, entry] of cache) {
    if (!all && !methods.includes(entry.method)) continue;
    if (!entry.listeners.size) cache.delete(key);
    else if (entry.inflight) entry.again = true;
    else void load(entry);
  }
}

export function entryFor(method: string, input: unknown): Entry {
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

/**
 * Starts a query before any component asks for it: the session is requested
 * while React renders its first frame, not after (cold start, docs/benchmarks.md).
 */
export function prefetch<M extends MethodName>(method: M, input: MethodInput<M>): void {
  const entry = entryFor(method, input);
  if (entry.data === undefined && !entry.inflight) void load(entry);
}

/**
 * Keeps a query loaded and calls `listener` whenever it changes: useQuery's
 * subscription without React (tests, and code outside components).
 */
export function watchQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  listener: () => void,
): { read(): { data: MethodOutput<M> | undefined; error: ApiError | null; loading: boolean }; stop(): void } {
  const entry = entryFor(method, input);
  entry.listeners.add(listener);
  if (entry.data === undefined && !entry.error && !entry.inflight) void load(entry);
  return {
    read: () => ({ data: entry.data as MethodOutput<M> | undefined, error: entry.error, loading: entry.loading }),
    stop: () => entry.listeners.delete(listener),
  };
}

export function clearQueries(): void {
  cache.clear();
}
