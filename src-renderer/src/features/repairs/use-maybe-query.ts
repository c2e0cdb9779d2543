import { useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../../src-shared/api';
import { ApiError } from '../../../../src-shared/errors';
import { call } from '../../lib/api';
import { onInvalidate } from '../../lib/query';

interface State<T> {
  key: string;
  data?: T;
  error: ApiError | null;
}

/**
 * A query that may have nothing to ask yet (no equipment scanned, no fault
 * chosen, a dialog not opened for assigning). useQuery keeps every mounted
 * query, enabled or not, and refetches it on each invalidation, so a
 * placeholder input would be sent (and refused) after every change to a work
 * order; here `null` means no call at all. Invalidations of `method` refetch
 * the current input like useQuery does.
 */
export function useMaybeQuery<M extends MethodName>(method: M, input: MethodInput<M> | null) {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<State<MethodOutput<M>> | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => (key === null ? undefined : onInvalidate([method], () => setVersion((v) => v + 1))), [method, key]);
  useEffect(() => {
    if (key === null) return;
    let alive = true;
    call(method, JSON.parse(key) as MethodInput<M>).then(
      (data) => alive && setState({ key, data, error: null }),
      (err: unknown) =>
        alive &&
        setState({
          key,
          error: err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: String(err) }),
        }),
    );
    return () => {
      alive = false;
    };
  }, [method, key, version]);
  const current = key !== null && state?.key === key ? state : null;
  return { data: current?.data, error: current?.error ?? null, loading: key !== null && !current };
}
