import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../db/schema';
import { CAPTURED_TABLES } from './columns';
import { outboxTriggers, STAMPED_TABLES } from './triggers';

const MIGRATIONS = resolve(__dirname, '../../drizzle');
const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/;$/, '').trim();

function migrated(): Database.Database {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  migrate(drizzle(sqlite, { schema }), { migrationsFolder: MIGRATIONS });
  return sqlite;
}

function installed(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_outbox_%'")
    .all() as { name: string; sql: string }[];
  return new Map(rows.map((r) => [r.name, norm(r.sql)]));
}

describe('outbox triggers', () => {
  let sqlite: Database.Database;
  beforeEach(() => {
    sqlite = migrated();
  });
  afterEach(() => sqlite.close());

  it('the migrations install exactly the triggers the registry calls for', () => {
    const want = new Map(outboxTriggers().map((t) => [t.name, norm(t.sql)]));
    expect(installed(sqlite)).toEqual(want);
    // Three per captured table: a table added to the registry without its migration fails above.
    expect(want.size).toBe(CAPTURED_TABLES.length * 3 + STAMPED_TABLES.length);
  });

  it('fails for a registry table whose trigger is missing (the check can fail)', () => {
    sqlite.exec('DROP TRIGGER sync_outbox_receipts_insert');
    const want = new Map(outboxTriggers().map((t) => [t.name, norm(t.sql)]));
    expect(installed(sqlite)).not.toEqual(want);
  });

  const area = () =>
    sqlite
      .prepare(
        "INSERT INTO storage_areas (id, code, name_zh, name_en, created_at, updated_at) VALUES ('a1', 'A1', '冷库', 'Cold', 1, 1)",
      )
      .run();
  const outbox = () => sqlite.prepare('SELECT tbl, row_id, op FROM sync_outbox ORDER BY seq').all();

  it('capture nothing before enrollment, then every insert, update and delete in the same transaction', () => {
    area();
    expect(outbox()).toEqual([]);
    sqlite.prepare('UPDATE sync_state SET enrolled_at = 1').run();
    sqlite.prepare("UPDATE storage_areas SET name_en = 'Chiller' WHERE id = 'a1'").run();
    sqlite.prepare("DELETE FROM storage_areas WHERE id = 'a1'").run();
    expect(outbox()).toEqual([
      { tbl: 'storage_areas', row_id: 'a1', op: 'upsert' },
      { tbl: 'storage_areas', row_id: 'a1', op: 'delete' },
    ]);
    // A rolled-back write leaves no entry (and no hole in the numbering).
    expect(() =>
      sqlite.transaction(() => {
        area();
        throw new Error('undo');
      })(),
    ).toThrow('undo');
    area();
    const seqs = (sqlite.prepare('SELECT seq FROM sync_outbox ORDER BY seq').all() as { seq: number }[]).map(
      (r) => r.seq,
    );
    expect(seqs).toEqual([1, 2, 3]);
  });

  it('stay quiet while the pull applier writes, and ignore columns that never leave the store', () => {
    sqlite.prepare('UPDATE sync_state SET enrolled_at = 1, applying = 1').run();
    area();
    sqlite.prepare('UPDATE sync_state SET applying = 0').run();
    expect(outbox()).toEqual([]);
    sqlite
      .prepare(
        "INSERT INTO users (id, username, display_name, role, auth_kind, secret_hash, created_at, updated_at) VALUES ('u1', 'amy', 'Amy', 'clerk', 'pin', 'x', 1, 1)",
      )
      .run();
    sqlite.prepare("UPDATE users SET failed_attempts = 3, last_login_at = 5 WHERE id = 'u1'").run();
    // updated_at alone, or a value written back unchanged, is no news for HQ.
    sqlite.prepare("UPDATE users SET failed_attempts = 0, updated_at = 9 WHERE id = 'u1'").run();
    sqlite.prepare("UPDATE users SET role = 'clerk', display_name = 'Amy', updated_at = 10 WHERE id = 'u1'").run();
    sqlite.prepare("UPDATE users SET display_name = 'Amy W' WHERE id = 'u1'").run();
    expect(outbox()).toEqual([
      { tbl: 'users', row_id: 'u1', op: 'upsert' },
      { tbl: 'users', row_id: 'u1', op: 'upsert' },
    ]);
  });
});
