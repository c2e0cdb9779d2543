import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethodName } from '../src-shared/api';
import type { BackofficeBridge } from '../src-shared/bridge';
import type { ApiResult } from '../src-shared/errors';
import { CALL_CHANNEL, EVENT_CHANNEL, type ServerEvent } from '../src-shared/events';
import { isLocale, translate } from '../src-shared/i18n';

/**
 * The page gets two functions and a flag, never ipcRenderer itself: whatever
 * runs in the page can reach the API methods of the contracts and nothing else
 * in the main process. Main checks the sender and the method again.
 */
const bridge: BackofficeBridge = {
  call(method, input, locale) {
    if (typeof method !== 'string' || !isMethodName(method)) {
      const shown = String(method).slice(0, 80);
      const result: ApiResult<unknown> = {
        ok: false,
        error: {
          code: 'UNKNOWN_METHOD',
          message: translate(isLocale(locale) ? locale : 'en', 'error.UNKNOWN_METHOD', { method: shown }),
          params: { method: shown },
        },
      };
      return Promise.resolve(result);
    }
    return ipcRenderer.invoke(CALL_CHANNEL, method, input, locale) as Promise<ApiResult<unknown>>;
  },
  subscribe(listener) {
    // The IPC event object (with its sender) must not reach the page: pass the payload only.
    const forward = (_event: IpcRendererEvent, e: ServerEvent) => listener(e);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  host: 'electron',
};

contextBridge.exposeInMainWorld('backoffice', bridge);
