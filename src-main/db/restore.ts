import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import type { DataPaths } from '../lib/paths';
import { backupDatabase } from './backup';
import { inspectExisting } from './client';
import { acquireDataDirLock } from './lock';
import { StartupError } from './startup-error';

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database that was replaced went (a backup, or the corrupt file moved aside). */
  previous: string | null;
}

/**
 * Replaces the store database by a backup. Refuses while the app runs (the
 * data directory lock), refuses a backup that is corrupt or from a newer app,
 * and never destroys the current database: it is backed up first, or moved
 * aside if it cannot even be read.
 */
export async function restoreBackup(paths: DataPaths, from: string, migrationsFolder: string): Promise<RestoreResult> {
  if (!existsSync(from)) {
    throw new StartupError(
      'DB_CORRUPT',
      `The backup file ${from} does not exist.`,
      'Check the path (backups are in ' + paths.backups + ').',
    );
  }
  const release = acquireDataDirLock(paths.lock);
  try {
    inspectExisting(from, migrationsFolder).ro.close();
    let previous: string | null = null;
    if (existsSync(paths.db)) {
      try {
        inspectExisting(paths.db, migrationsFolder).ro.close();
        const current = new Database(paths.db, { readonly: true });
        try {
          previous = (await backupDatabase(current, paths.backups, 'pre-restore', 1000)).file;
        } finally {
          current.close();
        }
      } catch (err) {
        if (!(err instanceof StartupError)) throw err;
        previous = `${paths.db}.unreadable-${Date.now()}`;
        renameSync(paths.db, previous);
      }
      rmSync(`${paths.db}-wal`, { force: true });
      rmSync(`${paths.db}-shm`, { force: true });
      if (existsSync(paths.db)) rmSync(paths.db);
    }
    copyFileSync(from, paths.db);
    return { restoredFrom: from, previous };
  } finally {
    release();
  }
}
