import { BrowserWindow, screen, shell } from 'electron';
import type { Logger } from '../lib/log';
import type { RendererOrigin } from './renderer-origin';
import { isVisibleOn, loadWindowState, saveWindowState, type Rect } from './window-state';

const MIN_WIDTH = 1024;
const MIN_HEIGHT = 700;
/** The back-office monitor the screens are designed for. */
const DEFAULT_WIDTH = 1366;
const DEFAULT_HEIGHT = 768;

export interface MainWindowOptions {
  origin: RendererOrigin;
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preload: string;
  /** Where bounds and the maximized flag are kept between runs. */
  stateFile: string;
  log: Logger;
}

function initialBounds(stateFile: string): { bounds: Partial<Rect>; maximized: boolean } {
  const saved = loadWindowState(stateFile);
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  if (saved && isVisibleOn(saved.bounds, areas)) return saved;
  const work = screen.getPrimaryDisplay().workAreaSize;
  // No x/y: Electron centres the window on the primary display.
  return {
    bounds: {
      width: Math.max(MIN_WIDTH, Math.min(DEFAULT_WIDTH, work.width)),
      height: Math.max(MIN_HEIGHT, Math.min(DEFAULT_HEIGHT, work.height)),
    },
    maximized: saved?.maximized ?? work.width <= DEFAULT_WIDTH,
  };
}

/** Web links open in the user's browser; anything else (file:, custom schemes) is dropped. */
function openOutside(url: string, log: Logger): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return;
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    log.warn('blocked a link the window tried to open', { url: url.slice(0, 200) });
    return;
  }
  shell.openExternal(url).catch((err: unknown) => log.warn('could not open a link in the browser', err));
}

/**
 * The window shows nothing but our own renderer: navigating elsewhere, popups
 * and webviews are refused, so a bug in the UI cannot turn it into a browser
 * with the API bridge attached.
 */
function confine(win: BrowserWindow, opts: MainWindowOptions): void {
  const contents = win.webContents;
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (opts.origin.owns(url)) return;
    event.preventDefault();
    openOutside(url, opts.log);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, opts.log);
    return { action: 'deny' };
  });
}

function rememberState(win: BrowserWindow, opts: MainWindowOptions): void {
  win.on('close', () => {
    try {
      saveWindowState(opts.stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (err) {
      opts.log.warn('could not save the window position', err);
    }
  });
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const initial = initialBounds(opts.stateFile);
  const win = new BrowserWindow({
    ...initial.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Store Back Office',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
    },
  });
  confine(win, opts);
  rememberState(win, opts);
  win.once('ready-to-show', () => {
    if (initial.maximized) win.maximize();
    win.show();
  });
  win.loadURL(opts.origin.entry).catch((err: unknown) => opts.log.error('the window could not load the UI', err));
  return win;
}
