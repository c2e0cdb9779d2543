import { app, BrowserWindow, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { Backend } from '../backend';
import { fill, type AppStrings } from './strings';

function openPath(path: string, backend: Backend): void {
  // openPath resolves with an error message rather than rejecting.
  void shell.openPath(path).then((error) => {
    if (error) backend.log.warn('could not open a path', { path, error });
  });
}

function showAbout(backend: Backend, s: AppStrings): void {
  const win = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'info' as const,
    title: s.about,
    message: 'Store Back Office',
    detail: fill(s.aboutDetail, {
      version: backend.host.version,
      schema: backend.host.schemaVersion,
      dataDir: backend.host.paths.dir,
    }),
    buttons: [s.ok],
    noLink: true,
  };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/** The native menu: standard roles, plus the support shortcuts a store manager is told to use on the phone. */
export function installMenu(backend: Backend, s: AppStrings): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: s.reload },
    { type: 'separator' },
    { role: 'resetZoom', label: s.resetZoom },
    { role: 'zoomIn', label: s.zoomIn },
    { role: 'zoomOut', label: s.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: s.fullscreen },
  ];
  if (!app.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: s.devtools });

  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: s.file, submenu: [{ role: 'quit', label: s.quit }] },
    {
      label: s.edit,
      submenu: [
        { role: 'undo', label: s.undo },
        { role: 'redo', label: s.redo },
        { type: 'separator' },
        { role: 'cut', label: s.cut },
        { role: 'copy', label: s.copy },
        { role: 'paste', label: s.paste },
        { role: 'selectAll', label: s.selectAll },
      ],
    },
    { label: s.view, submenu: view },
    {
      label: s.help,
      submenu: [
        { label: s.openDataFolder, click: () => openPath(backend.host.paths.dir, backend) },
        { label: s.openLogFile, click: () => openPath(backend.log.file, backend) },
        { type: 'separator' },
        { label: s.about, click: () => showAbout(backend, s) },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
