import type { Locale } from '../../src-shared/i18n';

/**
 * Text for the native parts of the window (menu, dialogs). The renderer has the
 * full catalogs; these few strings live here so the main process does not grow
 * keys in the shared catalogs that only it uses.
 */
const en = {
  file: 'File',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullscreen: 'Toggle Full Screen',
  devtools: 'Developer Tools',
  help: 'Help',
  about: 'About Store Back Office',
  openDataFolder: 'Open Data Folder',
  openLogFile: 'Open Log File',
  aboutDetail: 'Version {version}\nDatabase schema {schema}\nData folder: {dataDir}',
  ok: 'OK',
  startupFailedTitle: 'Store Back Office did not start',
  whatToDo: 'What to do: {instructions}',
  startupUnexpected: 'An unexpected error stopped the start. Details are below; give them to support.',
  crashTitle: 'Store Back Office: unexpected error',
  crashDetail: 'The error was written to the log file ({log}). Save your work and restart the app if it misbehaves.',
  rendererGoneTitle: 'The window stopped working',
  rendererGoneMessage: 'The window content stopped ({reason}). Reload it? Nothing saved is lost.',
  reloadWindow: 'Reload',
  closeApp: 'Quit',
  updateReadyTitle: 'Update ready',
  updateReadyMessage: 'Version {version} has been downloaded. Restart now to install it?',
  updateReadyDetail: 'If you choose Later, it is installed the next time the app closes.',
  restartNow: 'Restart now',
  later: 'Later',
};

export type AppStrings = typeof en;

const zhCN: AppStrings = {
  file: '文件',
  quit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图',
  reload: '重新加载',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullscreen: '切换全屏',
  devtools: '开发者工具',
  help: '帮助',
  about: '关于门店后台',
  openDataFolder: '打开数据文件夹',
  openLogFile: '打开日志文件',
  aboutDetail: '版本 {version}\n数据库结构 {schema}\n数据文件夹：{dataDir}',
  ok: '确定',
  startupFailedTitle: '门店后台未能启动',
  whatToDo: '处理方法：{instructions}',
  startupUnexpected: '启动时发生意外错误。详细信息如下，请提供给技术支持。',
  crashTitle: '门店后台：意外错误',
  crashDetail: '错误已写入日志文件（{log}）。请保存工作；如应用工作异常，请重新启动。',
  rendererGoneTitle: '窗口停止工作',
  rendererGoneMessage: '窗口内容已停止（{reason}）。要重新加载吗？已保存的数据不会丢失。',
  reloadWindow: '重新加载',
  closeApp: '退出',
  updateReadyTitle: '更新已就绪',
  updateReadyMessage: '版本 {version} 已下载。现在重启以安装吗？',
  updateReadyDetail: '如果选择“稍后”，将在下次关闭应用时安装。',
  restartNow: '立即重启',
  later: '稍后',
};

export function appStrings(locale: Locale): AppStrings {
  return locale === 'zh-CN' ? zhCN : en;
}

/** Fills `{name}` placeholders; unknown ones stay visible so a missing value shows up in testing. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
