import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'store-backoffice';

/**
 * The per-user data directory, the same one the Electron app uses as
 * `userData`, so both hosts open the same store database:
 * Windows %APPDATA%\store-backoffice, macOS ~/Library/Application Support/store-backoffice,
 * Linux $XDG_CONFIG_HOME/store-backoffice (default ~/.config/store-backoffice).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.BACKOFFICE_DATA_DIR) return env.BACKOFFICE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

export interface DataPaths {
  dir: string;
  db: string;
  backups: string;
  logs: string;
  lock: string;
}

export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    db: join(dir, 'store.sqlite'),
    backups: join(dir, 'backups'),
    logs: join(dir, 'logs'),
    lock: join(dir, 'store.lock'),
  };
}
