import { app, BrowserWindow, dialog } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { Backend } from '../backend';
import { storeSettings } from '../services/store/settings';
import { fill, type AppStrings } from './strings';

const CHECK_EVERY_MS = 6 * 3600_000;

type Feed = ReturnType<NonNullable<Backend['sync']>['updateFeed']>;

/** An enrolled store whose HQ has not answered since the start asks again this soon. */
const WAIT_FOR_HQ_MS = 5 * 60_000;

/**
 * Read again before every check: enrolling, HQ naming another feed, or a
 * changed typed URL takes effect without a restart. The credential header
 * stays here, in the main process.
 */
function feed(backend: Backend): Feed {
  const typed = storeSettings(backend.database.db).updateFeedUrl;
  if (backend.sync) return backend.sync.updateFeed(typed);
  // Sync switched off: only the typed URL (http(s)).
  try {
    const url = new URL(typed.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return { url: url.href, headers: {}, source: 'setting' };
  } catch {
    // not a URL
  }
  return null;
}

async function loadUpdater(backend: Backend, s: AppStrings): Promise<AppUpdater> {
  // Loaded only in a packaged app with a feed: reading autoUpdater pulls in electron and platform code.
  const { default: updater } = await import('electron-updater');
  const { autoUpdater } = updater;
  const log = backend.log;
  autoUpdater.logger = {
    info: (m: unknown) => log.info('updater', String(m)),
    warn: (m: unknown) => log.warn('updater', String(m)),
    error: (m: unknown) => log.error('updater', String(m)),
  };
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (err) => log.error('update failed', err));
  autoUpdater.on('update-available', (info) => log.info('update available, downloading', { version: info.version }));

  const asked = new Set<string>();
  autoUpdater.on('update-downloaded', (info) => {
    // The check repeats every few hours; ask about one version once.
    if (asked.has(info.version)) return;
    asked.add(info.version);
    log.info('update downloaded', { version: info.version });
    const options = {
      type: 'info' as const,
      title: s.updateReadyTitle,
      message: fill(s.updateReadyMessage, { version: info.version }),
      detail: s.updateReadyDetail,
      buttons: [s.restartNow, s.later],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    };
    const win = BrowserWindow.getAllWindows()[0];
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)).then(({ response }) => {
      if (response === 0) autoUpdater.quitAndInstall();
    });
  });
  return autoUpdater;
}

/** Checks now and every 6 hours; returns a function that stops the checks. */
export function startUpdater(backend: Backend, s: AppStrings): () => void {
  if (!app.isPackaged) {
    backend.log.info('updates off: not a packaged build');
    return () => {};
  }
  let updater: Promise<AppUpdater> | null = null;
  let currentFeed: string | null = null;
  let running = false;
  let retry: NodeJS.Timeout | null = null;

  const check = async () => {
    if (running) return;
    running = true;
    try {
      const f = feed(backend);
      if (f === 'waitForHq') {
        retry ??= setTimeout(() => {
          retry = null;
          void check();
        }, WAIT_FOR_HQ_MS);
        return;
      }
      if (!f) return;
      // A failed load is retried at the next check rather than remembered.
      updater ??= loadUpdater(backend, s).catch((err: unknown) => {
        updater = null;
        throw err;
      });
      const u = await updater;
      if (f.url !== currentFeed) {
        u.setFeedURL({ provider: 'generic', url: f.url });
        currentFeed = f.url;
        backend.log.info('update feed', { url: f.url, source: f.source });
      }
      u.requestHeaders = f.headers;
      await u.checkForUpdates();
    } catch (err) {
      backend.log.error('update check failed', err);
    } finally {
      running = false;
    }
  };

  void check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  return () => {
    clearInterval(timer);
    if (retry) clearTimeout(retry);
  };
}
