import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { DataPaths } from '../lib/paths';

export type RestoreRefusalReason =
  'missing' | 'notFile' | 'empty' | 'notSqlite' | 'liveFile' | 'corrupt' | 'notOurs' | 'newer' | 'noStore';

/** Why a file cannot replace the store database, with what the admin needs to act on it. */
export class RestoreRefusal extends Error {
  constructor(
    readonly reason: RestoreRefusalReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`restore refused: ${reason} ${JSON.stringify(params)}`);
    this.name = 'RestoreRefusal';
  }
}

/** What a backup holds, shown to the admin before they confirm. */
export interface BackupContents {
  storeCode: string;
  storeName: string;
  timezone: string;
  /** Migrations applied in the backup, and how many this app has (the restore applies the rest). */
  schemaVersion: number;
  appSchemaVersion: number;
  users: number;
  items: number;
  movements: number;
  auditEntries: number;
  /** The newest audited change in it: roughly when the backup was taken. */
  lastChangeAt: string | null;
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The live database, reached by any name: the same inode on the same device
 * (a hard link, a symlink, a bind mount) or the same real path, or one of its
 * -wal / -shm files.
 */
export function refuseLiveFile(source: string, paths: DataPaths): void {
  const src = statSync(source);
  const real = realpathSync(source);
  for (const live of [paths.db, `${paths.db}-wal`, `${paths.db}-shm`]) {
    if (!existsSync(live)) continue;
    const s = statSync(live);
    if ((s.dev === src.dev && s.ino === src.ino) || realpathSync(live) === real) {
      throw new RestoreRefusal('liveFile', { file: source });
    }
  }
}

/** Cheap checks on the file itself, before it is copied or opened. */
export function checkBackupFile(source: string, paths: DataPaths): void {
  if (!existsSync(source)) throw new RestoreRefusal('missing', { file: source });
  const st = statSync(source);
  if (!st.isFile()) throw new RestoreRefusal('notFile', { file: source });
  if (st.size === 0) throw new RestoreRefusal('empty', { file: source });
  refuseLiveFile(source, paths);
  const head = Buffer.alloc(HEADER.length);
  const fd = openSync(source, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!head.equals(HEADER)) throw new RestoreRefusal('notSqlite', { file: source });
}

const count = (sqlite: Database.Database, table: string) =>
  (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * Checks that an open database is a store database of this app that this
 * build can run: its migrations are this app's (same hashes, none newer), the
 * core tables are there and it holds a store. `integrity` adds SQLite's full
 * integrity check (seconds on a big store: done while the restore holds every
 * other call, not for the preview).
 */
export function inspectStoreDatabase(
  sqlite: Database.Database,
  migrationsFolder: string,
  opts: { integrity: boolean },
): BackupContents {
  try {
    if (opts.integrity) {
      const problems = (sqlite.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .filter((s) => s !== 'ok');
      if (problems.length)
        throw new RestoreRefusal('corrupt', { detail: problems.slice(0, 2).join('; ').slice(0, 200) });
    }
    const tables = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    if (!tables.has('__drizzle_migrations')) throw new RestoreRefusal('notOurs', { detail: 'no migrations table' });
    const known = readMigrationFiles({ migrationsFolder });
    const applied = sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').all() as {
      hash: string;
      created_at: number;
    }[];
    if (!applied.length) throw new RestoreRefusal('notOurs', { detail: 'no migrations applied' });
    for (const row of applied) {
      const mine = known.find((m) => m.folderMillis === Number(row.created_at));
      if (!mine) {
        // A migration we do not ship: newer than this app if it sorts after ours, else another app's.
        if (Number(row.created_at) > (known.at(-1)?.folderMillis ?? 0)) {
          throw new RestoreRefusal('newer', { schema: applied.length, known: known.length });
        }
        throw new RestoreRefusal('notOurs', { detail: 'unknown migration' });
      }
      if (mine.hash !== row.hash) throw new RestoreRefusal('notOurs', { detail: 'different migration' });
    }
    // The tables of the first migration: every store database of this app has them.
    for (const t of ['store', 'users', 'sessions', 'audit_log', 'meta', 'items']) {
      if (!tables.has(t)) throw new RestoreRefusal('notOurs', { detail: `no ${t} table` });
    }
    const store = sqlite.prepare('SELECT code, name, timezone FROM store LIMIT 1').get() as
      { code: string; name: string; timezone: string } | undefined;
    if (!store) throw new RestoreRefusal('noStore');
    const last = sqlite.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: number | null };
    return {
      storeCode: store.code,
      storeName: store.name,
      timezone: store.timezone,
      schemaVersion: applied.length,
      appSchemaVersion: known.length,
      users: count(sqlite, 'users'),
      items: count(sqlite, 'items'),
      movements: tables.has('stock_moves') ? count(sqlite, 'stock_moves') : 0,
      auditEntries: count(sqlite, 'audit_log'),
      lastChangeAt: last.at === null ? null : new Date(last.at).toISOString(),
    };
  } catch (err) {
    if (err instanceof RestoreRefusal) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new RestoreRefusal('corrupt', { detail: code });
    }
    throw new RestoreRefusal('notOurs', { detail: (err as Error).message.slice(0, 120) });
  }
}
