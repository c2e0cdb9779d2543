import { queryHooks } from './query-client';
import { storeQueries } from './store-queries';

export type { QueryState } from './query-client';
export { clearQueries, invalidate, onInvalidate, prefetch, watchQuery } from './store-queries';

/** The store app's hooks over its query cache. */
export const { useQuery, useMutation } = queryHooks(storeQueries);
