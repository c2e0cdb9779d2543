import { backupDatabase, listBackups, type BackupInfo } from '../../db/backup';
import type { Ctx } from '../context';
import { storeSettings } from '../store/settings';

export function systemInfo(ctx: Ctx) {
  return {
    version: ctx.host.version,
    host: ctx.host.kind,
    dataDir: ctx.host.paths.dir,
    dbFile: ctx.host.paths.db,
    schemaVersion: ctx.host.schemaVersion,
    logFile: ctx.host.logFile,
  };
}

export function backups(ctx: Ctx): BackupInfo[] {
  return listBackups(ctx.host.paths.backups);
}

/** An online backup while the app keeps running (SQLite backup API). */
export function backupNow(ctx: Ctx): Promise<BackupInfo> {
  return backupDatabase(
    ctx.sqlite,
    ctx.host.paths.backups,
    'manual',
    storeSettings(ctx.db).backupKeep,
    new Date(ctx.now),
  );
}
