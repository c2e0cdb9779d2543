import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataPaths } from '../lib/paths';
import { backupDatabase } from './backup';
import { inspectExisting } from './client';
import { acquireDataDirLock } from './lock';
import { checkBackupFile, inspectStoreDatabase, RestoreRefusal, type BackupContents } from './restore-check';
import { StartupError } from './startup-error';

export interface StagedBackup {
  /** Names the staged copy in later calls (the admin confirms what they saw). */
  id: string;
  file: string;
  contents: BackupContents;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database that was replaced went (a backup, or the unreadable file moved aside). */
  previous: string | null;
  contents: BackupContents;
}

/** File operations of the swap, replaceable so a test can fail one step as a crash would. */
export interface SwapIo {
  rename(from: string, to: string): void;
}
const REAL_IO: SwapIo = { rename: renameSync };

export const stagingDir = (paths: DataPaths) => join(paths.dir, 'restore-staging');

/** Removes staged copies (they are ours, never the admin's files): one restore is prepared at a time. */
export function clearStaging(paths: DataPaths, keep?: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(stagingDir(paths));
  } catch {
    return;
  }
  for (const n of names) if (!keep || !n.startsWith(keep)) rmSync(join(stagingDir(paths), n), { force: true });
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Opens a staged copy (ours to change): one file, no journal beside it, then checks what it holds. */
function checkStaged(file: string, migrationsFolder: string, integrity: boolean): BackupContents {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    return inspectStoreDatabase(db, migrationsFolder, { integrity });
  } catch (err) {
    if (err instanceof RestoreRefusal) throw err;
    throw new RestoreRefusal('corrupt', { detail: (err as { code?: string }).code ?? (err as Error).message });
  } finally {
    db?.close();
  }
}

/**
 * Copies a backup into the data directory (asynchronously: other calls go on)
 * and checks the copy. The admin's file is only read, never opened by SQLite
 * (a read-only open of a WAL file leaves -wal/-shm beside it). Refuses the live
 * database by any name, an empty file, a file that is not SQLite, another
 * app's database, a newer schema, and a database without a store.
 */
export async function stageBackup(paths: DataPaths, source: string, migrationsFolder: string): Promise<StagedBackup> {
  checkBackupFile(source, paths);
  mkdirSync(stagingDir(paths), { recursive: true });
  clearStaging(paths);
  const id = randomUUID();
  const file = join(stagingDir(paths), `${id}.sqlite`);
  try {
    await copyFile(source, file);
    return { id, file, contents: checkStaged(file, migrationsFolder, false) };
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  }
}

/**
 * Puts a staged copy in place of the store database, which must be closed:
 * full integrity check, fsync, journal files of the old database moved aside
 * (a stale -wal would be replayed into the new file), one atomic rename in
 * the same folder, fsync of the folder. Until the rename the old database is
 * untouched; after it the new one is whole: a crash leaves one or the other.
 */
export function swapInStaged(
  paths: DataPaths,
  staged: string,
  migrationsFolder: string,
  io: SwapIo = REAL_IO,
): BackupContents {
  try {
    const contents = checkStaged(staged, migrationsFolder, true);
    fsyncPath(staged);
    const stamp = Date.now();
    const moved: [string, string][] = [];
    for (const side of ['-wal', '-shm', '-journal']) {
      if (!existsSync(paths.db + side)) continue;
      moved.push([paths.db + side, `${paths.db}${side}.before-restore-${stamp}`]);
      renameSync(...moved[moved.length - 1]!);
    }
    try {
      io.rename(staged, paths.db);
    } catch (err) {
      // The old database stays as it was, with its journal files back beside it.
      for (const [from, to] of moved) renameSync(to, from);
      throw err;
    }
    fsyncPath(paths.dir);
    return contents;
  } finally {
    rmSync(staged, { force: true });
  }
}

/**
 * Keeps the current database before it is replaced: a pre-restore backup, or,
 * when it cannot even be read, the file itself moved aside. Never deletes it.
 */
export async function keepCurrent(paths: DataPaths, migrationsFolder: string): Promise<string | null> {
  if (!existsSync(paths.db)) return null;
  try {
    const { ro } = inspectExisting(paths.db, migrationsFolder);
    try {
      return (await backupDatabase(ro, paths.backups, 'pre-restore', Number.MAX_SAFE_INTEGER)).file;
    } finally {
      ro.close();
    }
  } catch (err) {
    if (!(err instanceof StartupError)) throw err;
    const aside = `${paths.db}.unreadable-${Date.now()}`;
    renameSync(paths.db, aside);
    return aside;
  }
}

/**
 * The command-line restore (`npm run restore -- --from FILE`): refused while
 * the app runs (the data directory lock), then the same checks and swap as
 * the System page's.
 */
export async function restoreBackup(paths: DataPaths, from: string, migrationsFolder: string): Promise<RestoreResult> {
  const release = acquireDataDirLock(paths.lock);
  try {
    const staged = await stageBackup(paths, from, migrationsFolder);
    const previous = await keepCurrent(paths, migrationsFolder);
    const contents = swapInStaged(paths, staged.file, migrationsFolder);
    return { restoredFrom: from, previous, contents };
  } finally {
    release();
  }
}
