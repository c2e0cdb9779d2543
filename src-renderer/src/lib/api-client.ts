import { ApiError, type ApiResult } from '../../../src-shared/errors';
import type { Locale, MessageKey } from '../../../src-shared/i18n/locales';
import { translate } from './catalog';

/**
 * The typed API client's core, shared by every UI that talks to a contract
 * map (the store's app, HQ's screens): one language for the answers, one
 * HTTP transport, the "session ended" signal. Each UI types it with its own
 * contract (lib/api.ts for the store, src-hq-ui/src/lib/api.ts for HQ).
 */

let currentLocale: Locale = 'en';
/** The i18n provider keeps this in step, so errors come back in the language on screen. */
export function setApiLocale(locale: Locale): void {
  currentLocale = locale;
}

export const apiLocale = (): Locale => currentLocale;

export type Transport = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

/** POST /api/<method> with a JSON body and the session cookie; a failure to reach the server becomes `unreachable`. */
export function httpTransport(unreachable: MessageKey): Transport {
  const down = (): ApiResult<unknown> => ({
    ok: false,
    error: { code: 'INTERNAL', message: translate(currentLocale, unreachable) },
  });
  return async (method, input) => {
    let res: Response;
    try {
      res = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Locale': currentLocale },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      return down();
    }
    try {
      return (await res.json()) as ApiResult<unknown>;
    } catch {
      return down();
    }
  };
}

export interface ApiClient {
  /** Calls one method; throws ApiError on failure. */
  call(method: string, input: unknown): Promise<unknown>;
  /** Called when any call reports the session ended, so the app can show the sign-in screen. */
  onSessionEnded(listener: () => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  const sessionListeners = new Set<() => void>();
  return {
    async call(method, input) {
      const result = await transport(method, input);
      if (!result.ok) {
        if (result.error.code === 'SESSION_EXPIRED' || result.error.code === 'UNAUTHENTICATED') {
          for (const l of sessionListeners) l();
        }
        throw new ApiError(result.error);
      }
      return result.value;
    },
    onSessionEnded(listener) {
      sessionListeners.add(listener);
      return () => sessionListeners.delete(listener);
    },
  };
}
