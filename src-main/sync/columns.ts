import { getTableName, type Table } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema';
import { FACT_TABLES, MASTER_TABLES, SHARED_TABLES, type ReplicatedTable } from '../../src-shared/sync/tables';

/**
 * The store's columns of each replicated table, read from its drizzle schema:
 * the one source the outbox triggers, the push (what a row sends), the pull
 * applier (what a new row needs) and the checksums are built from.
 */
export interface StoreColumn {
  name: string;
  kind: 'int' | 'bool' | 'text';
  notNull: boolean;
  hasDefault: boolean;
}

const tables = new Map<string, SQLiteTable>();
for (const v of Object.values(schema) as unknown[]) {
  if (typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v) {
    tables.set(getTableName(v as Table), v as SQLiteTable);
  }
}

const cache = new Map<string, StoreColumn[]>();

/** Every column of a store table, in the schema's order. */
export function storeColumns(table: string): StoreColumn[] {
  let cols = cache.get(table);
  if (cols) return cols;
  const t = tables.get(table);
  if (!t) throw new Error(`the store's schema has no table ${table}`);
  cols = getTableConfig(t).columns.map((c) => ({
    name: c.name,
    kind: c.columnType === 'SQLiteBoolean' ? 'bool' : c.columnType === 'SQLiteInteger' ? 'int' : 'text',
    notNull: c.notNull,
    hasDefault: c.hasDefault,
  }));
  cache.set(table, cols);
  return cols;
}

/** What an up or shared row sends: every column but the ones that never leave the store. */
export function sentColumns(t: ReplicatedTable): string[] {
  const omit = new Set(t.omit ?? []);
  return storeColumns(t.name)
    .map((c) => c.name)
    .filter((n) => !omit.has(n));
}

/** A master table's columns as HQ sends and checksums them: key and HQ-owned, those the store has. */
export function downColumns(t: ReplicatedTable): string[] {
  const have = new Set(storeColumns(t.name).map((c) => c.name));
  return [...new Set([...t.key, ...(t.hqOwned ?? [])])].filter((c) => have.has(c));
}

/** Tables whose changes the outbox captures: store facts and the records edited at both ends. */
export const CAPTURED_TABLES: readonly ReplicatedTable[] = [...FACT_TABLES, ...SHARED_TABLES];
export const DOWN_TABLES: readonly ReplicatedTable[] = MASTER_TABLES;

/** SQL for a row's key as the outbox keeps it ('id', or the key columns joined by U+001F). */
export function keySql(t: ReplicatedTable, alias: string): string {
  return t.key.map((k) => `${alias}."${k}"`).join(' || char(31) || ');
}

/** A key text back into its columns, typed as the schema types them. */
export function keyColumns(t: ReplicatedTable, rowId: string): Record<string, string | number> {
  const parts = t.key.length === 1 ? [rowId] : rowId.split('\u001f');
  const cols = new Map(storeColumns(t.name).map((c) => [c.name, c]));
  return Object.fromEntries(
    t.key.map((k, i) => {
      const v = parts[i] ?? '';
      return [k, cols.get(k)?.kind === 'text' ? v : Number(v)];
    }),
  );
}
