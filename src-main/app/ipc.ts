import { ipcMain, type BrowserWindow } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src-shared/events';
import type { Locale } from '../../src-shared/i18n';
import type { Backend } from '../backend';
import { liveSession } from '../api/live-session';
import { createCallHandler } from './ipc-calls';
import type { RendererOrigin } from './renderer-origin';

export interface IpcTransport {
  /** Lets this window call the API and receive events, until it is destroyed. */
  attach(win: BrowserWindow): void;
  dispose(): void;
}

/** The Electron twin of the HTTP host: every call goes to the same dispatch. */
export function createIpcTransport(backend: Backend, origin: RendererOrigin, systemLocale: () => Locale): IpcTransport {
  const windows = new Set<number>();
  const calls = createCallHandler({
    dispatch: backend.dispatch,
    isOurWindow: (id) => windows.has(id),
    ownsUrl: origin.owns,
    systemLocale,
    onRefused: (reason, url) => backend.log.warn('refused an IPC call', { reason, url: url?.slice(0, 200) }),
  });
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown, locale: unknown) =>
    calls.handle(event, method, input, locale),
  );

  return {
    attach(win) {
      const contents = win.webContents;
      const id = contents.id;
      windows.add(id);
      // Like the HTTP host's event stream: pushes only while the window is signed in.
      const unsubscribe = backend.events.subscribe((e) => {
        if (contents.isDestroyed() || !liveSession(backend.database, calls.tokenOf(id), Date.now())) return;
        contents.send(EVENT_CHANNEL, e);
      });
      contents.once('destroyed', () => {
        unsubscribe();
        windows.delete(id);
        calls.forget(id);
      });
    },
    dispose() {
      ipcMain.removeHandler(CALL_CHANNEL);
      windows.clear();
      calls.forgetAll();
    },
  };
}
