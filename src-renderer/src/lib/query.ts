import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api';
import { call } from './api';
import { createQueryClient } from './query-client';

export type { QueryState } from './query-client';

/** The store's methods as the query cache sees them. */
type StoreMethods = { [M in MethodName]: { input: MethodInput<M>; output: MethodOutput<M> } };

/**
 * The store app's query cache. Its backend announces which methods a change
 * made stale to every window and tablet of the store (App.tsx feeds those
 * announcements to `invalidate`).
 */
export const { useQuery, useMutation, invalidate, onInvalidate, prefetch, watchQuery, clearQueries } =
  createQueryClient<StoreMethods>((method, input) => call(method as MethodName, input as never));
