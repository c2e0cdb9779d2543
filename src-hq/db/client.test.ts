import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestHqDb, stopTestPostgres, type TestHqDb } from '../../tests/helpers/hq-db';
import { rows } from './client';
import { DOWN_TABLES, masterSpec, mirrorSpec, UP_TABLES } from './columns';
import { hqAudit, stockMovesMirror } from './schema';

afterAll(stopTestPostgres);

describe.each(DB_KINDS)('HQ database on %s', (kind) => {
  let t: TestHqDb;
  afterAll(() => t?.hq.close());

  it('is migrated at open, mirrors in their own schema', async () => {
    t = await openTestHqDb(kind);
    const tables = await rows<{ schema: string; name: string }>(
      t.hq.db,
      sql`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
          WHERE table_schema IN ('public', 'mirror') ORDER BY 1, 2`,
    );
    const names = tables.map((r) => `${r.schema}.${r.name}`);
    expect(names).toContain('mirror.stock_moves');
    expect(names).toContain('mirror.users');
    expect(names).toContain('public.hq_users');
    expect(names).toContain('public.change_log');
  });

  it('has, after its migrations, exactly the mirror and master columns the drizzle schema declares', async () => {
    const cols = await rows<{ schema: string; tbl: string; name: string; type: string; nullable: string }>(
      t.hq.db,
      sql`SELECT table_schema AS schema, table_name AS tbl, column_name AS name, data_type AS type, is_nullable AS nullable
          FROM information_schema.columns WHERE table_schema IN ('public', 'mirror')`,
    );
    const TYPES = { int: 'bigint', bool: 'smallint', text: 'text', json: 'jsonb' };
    const check = (schema: string, name: string, spec: ReturnType<typeof mirrorSpec>) => {
      const actual = cols
        .filter((c) => c.schema === schema && c.tbl === name)
        .map((c) => `${c.name} ${c.type} ${c.nullable === 'NO' ? 'not null' : 'null'}`)
        .sort();
      const declared = [...spec!.columns.values()]
        .map((c) => `${c.name} ${TYPES[c.kind]} ${c.notNull ? 'not null' : 'null'}`)
        .sort();
      expect(actual, `${schema}.${name}`).toEqual(declared);
    };
    for (const u of UP_TABLES) check('mirror', u.name, mirrorSpec(u.name));
    for (const d of DOWN_TABLES) check('public', d.name, masterSpec(d.name));
  });

  it('keeps its audit trail append-only', async () => {
    await t.hq.db.insert(hqAudit).values({ at: 1, method: 'test', detail: {} });
    const refused = await t.hq.db.delete(hqAudit).catch((e: unknown) => e);
    expect(String((refused as Error).cause ?? refused)).toMatch(/append-only/);
  });

  it('reads bigints back as exact JS numbers on both drivers, and refuses to round one that is not', async () => {
    const edge = { storeId: 's', id: 'm1', itemId: 'i', areaId: 'a', kind: 'receipt', lot: '', day: '2026-01-01' };
    await t.hq.db.insert(stockMovesMirror).values({
      ...edge,
      seq: Number.MAX_SAFE_INTEGER,
      qty: Number.MIN_SAFE_INTEGER,
      value: 0,
      occurredAt: 1,
      postedAt: 2,
      hqSeq: 1,
      hqReceivedAt: 3,
    });
    const [row] = await t.hq.db.select().from(stockMovesMirror);
    expect(row!.seq).toBe(Number.MAX_SAFE_INTEGER);
    expect(row!.qty).toBe(Number.MIN_SAFE_INTEGER);
    const [raw] = await rows<{ seq: unknown; qty: unknown }>(t.hq.db, sql`SELECT seq, qty FROM mirror.stock_moves`);
    expect(raw).toEqual({ seq: Number.MAX_SAFE_INTEGER, qty: Number.MIN_SAFE_INTEGER });
    const failure = await rows(t.hq.db, sql`SELECT 9007199254740993::bigint AS big`).catch((e: unknown) => e);
    expect(String((failure as Error).cause ?? failure)).toMatch(/beyond JavaScript's exact integers/);
  });
});
