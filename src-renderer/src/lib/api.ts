import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api';
import type { BackofficeBridge } from '../../../src-shared/bridge';
import { ApiError, type ApiResult } from '../../../src-shared/errors';
import type { ServerEvent } from '../../../src-shared/events';
import type { Locale } from '../../../src-shared/i18n/locales';
import { translate } from './catalog';

declare global {
  interface Window {
    backoffice?: BackofficeBridge;
  }
}

let currentLocale: Locale = 'en';
/** The i18n provider keeps this in step, so errors come back in the language on screen. */
export function setApiLocale(locale: Locale): void {
  currentLocale = locale;
}

const sessionListeners = new Set<() => void>();
/** Called when any call reports the session ended, so the app can show the sign-in screen. */
export function onSessionEnded(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

async function httpCall(method: string, input: unknown): Promise<ApiResult<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Locale': currentLocale },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: translate(currentLocale, 'error.NETWORK') } };
  }
  try {
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: translate(currentLocale, 'error.NETWORK') } };
  }
}

/** Calls one API method over IPC (Electron) or HTTP (browser); throws ApiError on failure. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const bridge = window.backoffice;
  const result = bridge ? await bridge.call(method, input, currentLocale) : await httpCall(method, input);
  if (!result.ok) {
    if (result.error.code === 'SESSION_EXPIRED' || result.error.code === 'UNAUTHENTICATED') {
      for (const l of sessionListeners) l();
    }
    throw new ApiError(result.error);
  }
  return result.value as MethodOutput<M>;
}

export type ConnectionState = 'online' | 'offline';

/**
 * Server pushes: IPC events in Electron, server-sent events in the browser.
 * EventSource reconnects by itself; the state callback drives the status bar.
 */
export function subscribeEvents(onEvent: (e: ServerEvent) => void, onState: (s: ConnectionState) => void): () => void {
  const bridge = window.backoffice;
  if (bridge) {
    onState('online');
    return bridge.subscribe(onEvent);
  }
  const source = new EventSource('/api/events');
  let lost = false;
  source.onopen = () => {
    onState('online');
    // Changes announced while the stream was down were missed: everything on screen is refetched.
    if (lost) onEvent({ type: 'invalidate', methods: ['*'] });
    lost = false;
  };
  source.onerror = () => {
    lost = true;
    onState('offline');
  };
  source.onmessage = (msg: MessageEvent<string>) => {
    try {
      onEvent(JSON.parse(msg.data) as ServerEvent);
    } catch {
      /* a malformed push is ignored; the next invalidation refreshes anyway */
    }
  };
  return () => source.close();
}

export function hostKind(): 'electron' | 'browser' {
  return window.backoffice ? 'electron' : 'browser';
}
