import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export interface MigrationState {
  /** Migrations this build ships. */
  known: number;
  /** Migrations recorded in the database. */
  applied: number;
  /** Shipped migrations not yet applied. */
  pending: number;
  /** The database was written by a newer build (it has migrations we do not know). */
  newer: boolean;
}

interface AppliedRow {
  hash: string;
  created_at: number;
}

/**
 * Compares drizzle's journal with `__drizzle_migrations` without writing.
 * drizzle's own migrator only looks at the newest timestamp, so on its own it
 * would happily run an old build against a newer schema; this check refuses.
 */
export function migrationState(sqlite: Database.Database, migrationsFolder: string): MigrationState {
  const files = readMigrationFiles({ migrationsFolder });
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  const applied: AppliedRow[] = hasTable
    ? (sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').all() as AppliedRow[])
    : [];
  const knownMillis = new Set(files.map((f) => f.folderMillis));
  const lastKnown = files.length ? files[files.length - 1]!.folderMillis : 0;
  const newer = applied.some((row) => row.created_at > lastKnown || !knownMillis.has(Number(row.created_at)));
  const lastApplied = applied.length ? Number(applied[applied.length - 1]!.created_at) : 0;
  const pending = files.filter((f) => f.folderMillis > lastApplied).length;
  return { known: files.length, applied: applied.length, pending, newer };
}
