import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLICATED_TABLES } from '../../src-shared/sync/tables';
import * as schema from '../db/schema';
import { keyParams, whereKey } from './apply-down';

const MIGRATIONS = resolve(__dirname, '../../drizzle');

describe('the pull applier finds a row by its key', () => {
  it('through an index for every table HQ writes into, never by scanning the table', () => {
    const sqlite = new Database(':memory:');
    migrate(drizzle(sqlite, { schema }), { migrationsFolder: MIGRATIONS });
    const written = REPLICATED_TABLES.filter((t) => t.direction !== 'up');
    expect(written.some((t) => t.key.length > 1)).toBe(true);
    for (const t of written) {
      const key = t.key.map((k, i) => (k.endsWith('_id') || k === 'id' ? `id-${i}` : '1')).join('\u001f');
      const plan = sqlite
        .prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM "${t.name}" t WHERE ${whereKey(t)}`)
        .all(...keyParams(t, key)) as { detail: string }[];
      const steps = plan.map((p) => p.detail).join('; ');
      expect(steps, t.name).toMatch(/^SEARCH /);
    }
    sqlite.close();
  });
});
