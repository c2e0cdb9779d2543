import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import type { Logger } from '../lib/log';
import type { DataPaths } from '../lib/paths';
import { backupDatabase } from './backup';
import { migrationState, type MigrationState } from './migrations';
import * as schema from './schema';
import { StartupError } from './startup-error';

export type Db = BetterSQLite3Database<typeof schema>;

export interface StoreDatabase {
  sqlite: Database.Database;
  db: Db;
  schemaVersion: number;
  close(): void;
}

export interface OpenOptions {
  paths: DataPaths;
  migrationsFolder: string;
  log: Logger;
  backupKeep?: number;
}

/** Pragmas every connection gets: durability first (a saved write survives a crash). */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

/**
 * Checks an existing file read-only before anything writes to it: a corrupt
 * or newer database is reported and left exactly as it was.
 */
export function inspectExisting(
  file: string,
  migrationsFolder: string,
): { ro: Database.Database; state: MigrationState } {
  let ro: Database.Database | undefined;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true });
    const rows = ro.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((s) => s !== 'ok');
    if (problems.length) {
      throw new StartupError(
        'DB_CORRUPT',
        `The store database failed its integrity check: ${problems.slice(0, 3).join('; ')}`,
        `Nothing was written. Restore the newest backup with "npm run restore -- --from <backup file>" ` +
          `(backups are in the "backups" folder beside ${file}), or call support with this message.`,
      );
    }
    const state = migrationState(ro, migrationsFolder);
    if (state.newer) {
      throw new StartupError(
        'DB_NEWER',
        `The store database was written by a newer version of the app (schema ${state.applied}, this app knows ${state.known}).`,
        'Nothing was written. Install the newer app version on this PC, or restore a backup made by this version.',
      );
    }
    return { ro, state };
  } catch (err) {
    ro?.close();
    if (err instanceof StartupError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StartupError(
        'DB_CORRUPT',
        `${file} is not a readable SQLite database (${code}).`,
        'Nothing was written. Restore a backup with "npm run restore -- --from <backup file>".',
      );
    }
    throw err;
  }
}

/**
 * Opens (creating if needed) the store database: integrity check, newer-version
 * refusal, a backup before pending migrations, pragmas, then migrations.
 */
export async function openStoreDatabase(opts: OpenOptions): Promise<StoreDatabase> {
  const { paths, migrationsFolder, log } = opts;
  mkdirSync(paths.dir, { recursive: true });

  if (existsSync(paths.db)) {
    const started = Date.now();
    const { ro, state } = inspectExisting(paths.db, migrationsFolder);
    log.info('database checked', { ms: Date.now() - started, ...state });
    try {
      if (state.pending > 0 && state.applied > 0) {
        const b = await backupDatabase(ro, paths.backups, 'pre-migration', opts.backupKeep ?? 14);
        log.info('backup before migration', b);
      }
    } finally {
      ro.close();
    }
  }

  const sqlite = new Database(paths.db);
  try {
    applyPragmas(sqlite);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    const schemaVersion = migrationState(sqlite, migrationsFolder).applied;
    return { sqlite, db, schemaVersion, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
