import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api';
import { call } from './api';
import { createQueryCache } from './query-cache';

/** The store's methods as the query cache sees them. */
export type StoreMethods = { [M in MethodName]: { input: MethodInput<M>; output: MethodOutput<M> } };

/**
 * The store app's query cache, without React (the entry module prefetches the
 * session through it). Its backend announces which methods a change made
 * stale to every window and tablet of the store (App.tsx feeds those
 * announcements to `invalidate`).
 */
export const storeQueries = createQueryCache<StoreMethods>((method, input) =>
  call(method as MethodName, input as never),
);

export const { invalidate, onInvalidate, prefetch, watchQuery, clearQueries } = storeQueries;
