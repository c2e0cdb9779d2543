import { getTableName, type Table } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as storeSchema from '../../src-main/db/schema';
import { MASTER_TABLES, REPLICATED_TABLES, type ReplicatedTable } from '../../src-shared/sync/tables';
import { DOWN_TABLES, HQ_ONLY_MIRROR_COLUMNS, masterSpec, mirrorSpec, UP_TABLES, type ColumnSpec } from './columns';

/**
 * Every store column that replicates has its HQ column, of the matching type,
 * nullability and default: a store migration that adds a replicated column
 * without the HQ migration that mirrors it fails here, in the build, instead
 * of in a store's dead letters.
 */
const storeTables = new Map<string, SQLiteTable>();
for (const v of Object.values(storeSchema)) {
  if (typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v) {
    storeTables.set(getTableName(v as Table), v as SQLiteTable);
  }
}

function storeColumn(c: SQLiteColumn): ColumnSpec {
  const kind = c.columnType === 'SQLiteBoolean' ? 'bool' : c.columnType === 'SQLiteInteger' ? 'int' : 'text';
  if (!['SQLiteBoolean', 'SQLiteInteger', 'SQLiteText'].includes(c.columnType)) {
    throw new Error(`${c.name}: a ${c.columnType} column cannot replicate (integers, text and booleans only)`);
  }
  const spec: ColumnSpec = { name: c.name, kind, notNull: c.notNull };
  if (c.hasDefault && c.default !== undefined) {
    spec.default = typeof c.default === 'boolean' ? (c.default ? 1 : 0) : (c.default as string | number);
  }
  return spec;
}

function storeColumnsOf(t: ReplicatedTable): ColumnSpec[] {
  const table = storeTables.get(t.name);
  if (!table) throw new Error(`the registry names ${t.name}, which the store's schema lacks`);
  return getTableConfig(table).columns.map(storeColumn);
}

describe('HQ mirrors every replicated store column', () => {
  it('names only columns the store has (key, omit, HQ-owned, refs, period)', () => {
    for (const t of REPLICATED_TABLES) {
      const names = new Set(storeColumnsOf(t).map((c) => c.name));
      const named = [...t.key, ...(t.omit ?? []), ...(t.hqOwned ?? []), ...Object.keys(t.refs ?? {})];
      if (t.periodColumn) named.push(t.periodColumn);
      for (const n of named) expect(names, `${t.name}.${n}`).toContain(n);
    }
  });

  it.each(UP_TABLES.map((t) => [t.name, t] as const))('mirror.%s: same columns, types, nulls and defaults', (_, t) => {
    const mirror = mirrorSpec(t.name);
    expect(mirror, `mirror.${t.name} is missing`).toBeDefined();
    const omit = new Set(t.omit ?? []);
    for (const c of storeColumnsOf(t)) {
      const hq = mirror!.columns.get(c.name);
      if (omit.has(c.name)) {
        expect(hq, `${t.name}.${c.name} never leaves the store: HQ must not have it`).toBeUndefined();
        continue;
      }
      expect(hq, `mirror.${t.name}.${c.name} is missing: add it in an HQ migration`).toBeDefined();
      expect({ ...hq }, `mirror.${t.name}.${c.name}`).toEqual(c);
    }
    expect(mirror!.primaryKey).toEqual(['store_id', ...t.key]);
    // HQ's own additions are the only columns the store does not have.
    const storeNames = new Set(storeColumnsOf(t).map((c) => c.name));
    const extra = [...mirror!.columns.keys()].filter((n) => !storeNames.has(n));
    for (const n of extra)
      expect(n === 'store_id' || HQ_ONLY_MIRROR_COLUMNS.has(n), `mirror.${t.name}.${n}`).toBe(true);
  });

  it.each(DOWN_TABLES.map((t) => [t.name, t] as const))('%s: HQ holds the key and HQ-owned columns', (_, t) => {
    const master = masterSpec(t.name);
    expect(master, `HQ master table ${t.name} is missing`).toBeDefined();
    const store = new Map(storeColumnsOf(t).map((c) => [c.name, c]));
    for (const n of [...t.key, ...(t.hqOwned ?? [])]) {
      expect({ ...master!.columns.get(n) }, `${t.name}.${n}`).toEqual(store.get(n));
    }
    expect([...master!.primaryKey].sort()).toEqual([...t.key].sort());
  });

  it('fails for a store column HQ lacks (the check can fail)', () => {
    const t = MASTER_TABLES.find((x) => x.name === 'items')!;
    const withExtra = { ...t, hqOwned: [...t.hqOwned, 'par_level'] };
    const master = masterSpec('items')!;
    const missing = withExtra.hqOwned.filter((n) => !master.columns.has(n));
    expect(missing).toEqual(['par_level']);
  });
});
