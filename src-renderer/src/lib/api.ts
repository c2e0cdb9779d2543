import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/api';
import type { BackofficeBridge } from '../../../src-shared/bridge';
import type { ServerEvent } from '../../../src-shared/events';
import { apiLocale, createApiClient, httpTransport } from './api-client';

declare global {
  interface Window {
    backoffice?: BackofficeBridge;
  }
}

export { setApiLocale } from './api-client';

const http = httpTransport('error.NETWORK');
const client = createApiClient((method, input) => {
  const bridge = window.backoffice;
  return bridge ? bridge.call(method, input, apiLocale()) : http(method, input);
});

/** Called when any call reports the session ended, so the app can show the sign-in screen. */
export const onSessionEnded = client.onSessionEnded;

/** Calls one API method over IPC (Electron) or HTTP (browser); throws ApiError on failure. */
export function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return client.call(method, input) as Promise<MethodOutput<M>>;
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
