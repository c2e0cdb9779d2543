import { app, dialog, type BrowserWindow } from 'electron';
import { StartupError } from '../db/startup-error';
import type { Logger } from '../lib/log';
import { fill, type AppStrings } from './strings';

/**
 * A refusal to start (database newer than the app, data folder locked, ...)
 * explains itself and what to do; anything else shows its message for support.
 * Shown synchronously: the caller quits right after.
 */
export function showStartupFailure(err: unknown, s: AppStrings): void {
  if (err instanceof StartupError) {
    dialog.showErrorBox(
      s.startupFailedTitle,
      `${err.message}\n\n${fill(s.whatToDo, { instructions: err.instructions })}`,
    );
    return;
  }
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  dialog.showErrorBox(s.startupFailedTitle, `${s.startupUnexpected}\n\n${detail}`);
}

/**
 * A bug in the main process must reach the log and the user, but must not kill
 * the app mid-write: the database work is transactional, so carrying on is
 * safer than exiting. `getLog` returns null until the backend (and its log) exists.
 */
export function installCrashHandlers(getLog: () => Logger | null, getStrings: () => AppStrings): void {
  let lastDialog = 0;
  const record = (kind: string, err: unknown) => {
    const log = getLog();
    if (log) log.error(kind, err instanceof Error ? err : { error: String(err) });
    else console.error(kind, err);
    return log;
  };
  process.on('uncaughtException', (err) => {
    const log = record('uncaught exception', err);
    // An error that repeats in a loop must not bury the user under dialogs.
    if (!app.isReady() || Date.now() - lastDialog < 60_000) return;
    lastDialog = Date.now();
    const s = getStrings();
    dialog.showErrorBox(s.crashTitle, `${err.message}\n\n${fill(s.crashDetail, { log: log?.file ?? '-' })}`);
  });
  process.on('unhandledRejection', (reason) => void record('unhandled rejection', reason));
}

/** When the page crashes or is killed, log it and offer to reload instead of leaving a blank window. */
export function watchRenderer(win: BrowserWindow, log: Logger, s: AppStrings): void {
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error('window content stopped', details);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    void dialog
      .showMessageBox(win, {
        type: 'error',
        title: s.rendererGoneTitle,
        message: fill(s.rendererGoneMessage, { reason: details.reason }),
        buttons: [s.reloadWindow, s.closeApp],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      })
      .then(({ response }) => {
        if (win.isDestroyed()) return;
        if (response === 0) win.webContents.reload();
        else app.quit();
      });
  });
  win.webContents.on('unresponsive', () => log.warn('window content is not responding'));
  win.webContents.on('responsive', () => log.info('window content is responding again'));
}
