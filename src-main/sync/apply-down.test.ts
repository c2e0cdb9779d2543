import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLICATED_TABLES, type ReplicatedTable } from '../../src-shared/sync/tables';
import * as schema from '../db/schema';
import { deleteByKeySql, hasUniqueKey, keyParams, whereKey } from './apply-down';
import { keyColumns } from './columns';
import { keyInSql } from './outbox';

const MIGRATIONS = resolve(__dirname, '../../drizzle');

function migrated(): Database.Database {
  const sqlite = new Database(':memory:');
  migrate(drizzle(sqlite, { schema }), { migrationsFolder: MIGRATIONS });
  return sqlite;
}

const sampleKey = (t: ReplicatedTable, n = 0) =>
  t.key.map((k, i) => (k.endsWith('_id') || k === 'id' ? `id-${i}-${n}` : String(n + 1))).join('\u001f');

const planOf = (sqlite: Database.Database, text: string, params: unknown[]) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((p) => p.detail);

describe('the pull applier finds a row by its key', () => {
  it('through an index for every table HQ writes into, never by scanning the table', () => {
    const sqlite = migrated();
    const written = REPLICATED_TABLES.filter((t) => t.direction !== 'up');
    expect(written.some((t) => t.key.length > 1)).toBe(true);
    for (const t of written) {
      const key = sampleKey(t);
      const plan = sqlite
        .prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM "${t.name}" t WHERE ${whereKey(t)}`)
        .all(...keyParams(t, key)) as { detail: string }[];
      const steps = plan.map((p) => p.detail).join('; ');
      expect(steps, t.name).toMatch(/^SEARCH /);
    }
    sqlite.close();
  });
});

describe('the pull applier upserts by key', () => {
  it('every table HQ writes into has a unique index on its key, the conflict target of its one-statement upsert', () => {
    const sqlite = migrated();
    for (const t of REPLICATED_TABLES.filter((x) => x.direction === 'down'))
      expect(hasUniqueKey(sqlite, t), t.name).toBe(true);
    expect(hasUniqueKey(sqlite, { name: 'item_barcodes', direction: 'down', key: ['item_id'] })).toBe(false);
    sqlite.close();
  });
});

describe('rows found by key elsewhere in sync', () => {
  it('the refetch removes a row HQ no longer has through its key index, never by scanning the table', () => {
    const sqlite = migrated();
    const written = REPLICATED_TABLES.filter((t) => t.direction === 'down');
    expect(written.some((t) => t.key.length > 1)).toBe(true);
    for (const t of written) {
      const steps = planOf(sqlite, deleteByKeySql(t), keyParams(t, sampleKey(t)));
      expect(steps.join('; '), t.name).toMatch(/^SEARCH t USING/);
    }
    sqlite.close();
  });

  it('the push reads a batch’s rows through their key index, for one-column and two-column keys alike', () => {
    const sqlite = migrated();
    expect(REPLICATED_TABLES.some((t) => t.key.length > 1)).toBe(true);
    for (const t of REPLICATED_TABLES) {
      const keys = [sampleKey(t, 0), sampleKey(t, 1), sampleKey(t, 2)];
      const params = keys.flatMap((k) => (t.key.length === 1 ? [k] : Object.values(keyColumns(t, k))));
      const steps = planOf(sqlite, `SELECT * FROM "${t.name}" t WHERE ${keyInSql(t, keys.length)}`, params);
      expect(steps.join('; '), t.name).toMatch(/SEARCH t USING/);
      expect(steps.join('; '), t.name).not.toMatch(/SCAN t\b/);
    }
    sqlite.close();
  });
});
