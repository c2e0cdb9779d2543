import type { HqMethodInput, HqMethodName, HqMethodOutput } from '../../../src-shared/hq-api';
import { createApiClient, httpTransport } from '../../../src-renderer/src/lib/api-client';

/** HQ's web API over HTTP (POST /api/<method>, the session in an HttpOnly cookie): the store's client core, typed by HQ's contract. */
const client = createApiClient(httpTransport('hq.ui.unreachable'));

/** Called when any call reports the session ended, so the sign-in screen comes back. */
export const onSessionEnded = client.onSessionEnded;

/** Calls one HQ API method; throws ApiError on failure. */
export function call<M extends HqMethodName>(method: M, input: HqMethodInput<M>): Promise<HqMethodOutput<M>> {
  return client.call(method, input) as Promise<HqMethodOutput<M>>;
}
