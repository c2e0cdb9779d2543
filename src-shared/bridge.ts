import type { ApiResult } from './errors';
import type { ServerEvent } from './events';

/**
 * What the Electron preload puts on `window.backoffice`. The renderer calls
 * through it instead of HTTP when it exists. Methods outside the API contracts
 * are refused before they leave the page; the session credential stays in the
 * main process and never appears here.
 */
export interface BackofficeBridge {
  /** One API call; failures come back as `{ ok: false, error }`, translated into `locale`. */
  call(method: string, input: unknown, locale: string): Promise<ApiResult<unknown>>;
  /** Server pushes (cache invalidations, server errors); returns the unsubscribe function. */
  subscribe(listener: (e: ServerEvent) => void): () => void;
  host: 'electron';
}
