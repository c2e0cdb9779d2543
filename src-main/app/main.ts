import { app, BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pickLocale } from '../../src-shared/i18n';
import { startBackend, type Backend } from '../backend';
import { StartupError } from '../db/startup-error';
import { parseAppArgs } from './args';
import { installCrashHandlers, showStartupFailure, watchRenderer } from './errors';
import { createIpcTransport } from './ipc';
import { installMenu } from './menu';
import { rendererOrigin } from './renderer-origin';
import { registerRendererScheme, serveRenderer } from './renderer-protocol';
import { hardenDefaultSession } from './session-policy';
import { appStrings } from './strings';
import { startUpdater } from './updater';
import { createMainWindow } from './window';

const APP_ID = 'com.storebackoffice.app';

const args = parseAppArgs(process.argv.slice(1));
let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

const systemLocale = () => pickLocale(app.getLocale());
const strings = () => appStrings(systemLocale());

async function boot(): Promise<void> {
  const s = strings();
  const root = app.getAppPath();
  try {
    backend = await startBackend({
      dataDir: args.dataDir,
      kind: 'electron',
      version: app.getVersion(),
      lan: false,
      migrationsFolder: app.isPackaged ? join(process.resourcesPath, 'drizzle') : join(root, 'drizzle'),
      demo: args.demo,
    });
  } catch (err) {
    // startBackend has released the data folder; nothing was written.
    showStartupFailure(err, s);
    app.exit(err instanceof StartupError ? 3 : 1);
    return;
  }
  const running = backend;
  if (running.demo) running.log.info('demo store ready', { logins: running.demo.logins });

  // An environment variable must not be able to point a packaged app at another site.
  const origin = rendererOrigin(app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);
  hardenDefaultSession();
  serveRenderer(join(root, 'out', 'renderer'));
  const ipc = createIpcTransport(running, origin, systemLocale);
  installMenu(running, s);

  const openWindow = () => {
    const win = createMainWindow({
      origin,
      preload: join(root, 'out', 'preload', 'index.cjs'),
      stateFile: join(app.getPath('userData'), 'window-state.json'),
      log: running.log,
    });
    ipc.attach(win);
    watchRenderer(win, running.log, s);
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };
  openWindow();
  const stopUpdates = startUpdater(running, s);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.once('will-quit', () => {
    stopUpdates();
    ipc.dispose();
    running.close();
  });
}

// Before ready, and before the single-instance lock (which Electron keeps in
// userData): the Electron app and the Node host share one data folder, and
// there is one window per data folder.
try {
  mkdirSync(args.dataDir, { recursive: true });
} catch {
  // startBackend reports an unusable folder with instructions, in a dialog.
}
app.setPath('userData', args.dataDir);
// Chromium's caches and storage go in a subfolder, not beside the database and backups.
app.setPath('sessionData', join(args.dataDir, 'electron'));
app.enableSandbox();
registerRendererScheme();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  // Another window has this data folder open; it comes to the front (second-instance below).
  app.quit();
} else {
  installCrashHandlers(() => backend?.log ?? null, strings);
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(boot)
    .catch((err: unknown) => {
      showStartupFailure(err, strings());
      app.exit(1);
    });
}
