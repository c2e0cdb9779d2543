import { hqApi, type HqMethodInput, type HqMethodName, type HqMethodOutput } from '../../../src-shared/hq-api';
import { createQueryClient } from '../../../src-renderer/src/lib/query-client';
import { call } from './api';

type HqMethods = { [M in HqMethodName]: { input: HqMethodInput<M>; output: HqMethodOutput<M> } };

/**
 * HQ's query cache: the store's, over HQ's contract. HQ has no event stream,
 * so a write marks stale what its contract says it changes (`invalidates`)
 * as soon as it succeeds; lists that change by themselves (stores' health)
 * refetch on a timer where they are shown.
 */
const client = createQueryClient<HqMethods>(async (method, input) => {
  const value = await call(method as HqMethodName, input as never);
  const stale = (hqApi[method as HqMethodName] as { invalidates?: readonly string[] }).invalidates;
  if (stale?.length) client.invalidate(stale);
  return value;
});

export const { useQuery, useMutation, invalidate, onInvalidate, prefetch } = client;
