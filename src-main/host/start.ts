import { spawn } from 'node:child_process';
import { appRoot } from './app-root';
import { findElectron } from './electron-available';
import { main as serveMain } from './serve';

/**
 * `npm start`: the desktop window where Electron can run; otherwise one line
 * saying why, then the same UI served over HTTP.
 */
function start(argv: string[]): void {
  const root = appRoot();
  const forced = argv.includes('--no-electron') || process.env.BACKOFFICE_NO_ELECTRON === '1';
  const check = forced ? { ok: false as const, reason: 'Electron was turned off (--no-electron)' } : findElectron(root);
  if (check.ok) {
    const child = spawn(check.binary, [root, ...argv], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  void serveMain(
    argv.filter((a) => a !== '--no-electron'),
    `Not opening a desktop window: ${check.reason}. Serving the same app in the browser instead.`,
  );
}

start(process.argv.slice(2));
